package dev.agentorchestrator;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Process facts read from {@code /proc}, without starting a process. */
final class Procs {

  private static final long CLOCK_TICKS = 100; // USER_HZ is 100 on every Linux build that matters

  private Procs() {}

  /** Whether {@code pid} runs and is not a zombie waiting to be reaped. */
  static boolean alive(long pid) {
    Stat stat = Stat.of(pid);
    return stat != null && stat.state() != 'Z' && stat.state() != 'X';
  }

  /**
   * The exit of a zombie (128 + signal when killed), or null when {@code pid} is not a zombie.
   * tmux sometimes reaps a dead pane's process late; until then the status is only here.
   */
  static Integer zombieExit(long pid) {
    Stat stat = Stat.of(pid);
    if (stat == null || stat.state() != 'Z') {
      return null;
    }
    long status = stat.field(49); // field 52, exit_code, in waitpid's encoding
    if (status < 0) {
      return null;
    }
    return (int) ((status & 0x7f) != 0 ? 128 + (status & 0x7f) : (status >> 8) & 0xff);
  }

  /** The command line of {@code pid}, arguments joined by NUL, or "" when gone. */
  static String cmdline(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * The working folder of {@code pid}, or null when it cannot be read. It follows the folder when
   * the folder is renamed, which is how a moved project still knows its watchdog.
   */
  static Path cwd(long pid) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Seconds since {@code pid} started, or -1 when it is gone. */
  static long uptimeSeconds(long pid) {
    Stat stat = Stat.of(pid);
    long start = stat == null ? -1 : stat.field(19); // fields after "comm)": state=0, ppid=1, ..., starttime=19
    byte[] up = read("/proc/uptime", 64);
    if (start < 0 || up == null) {
      return -1;
    }
    long now = Stat.number(up, 0, up.length); // whole seconds: the digits before the '.'
    return now < 0 ? -1 : Math.max(0, now - start / CLOCK_TICKS);
  }

  /**
   * {@code pid}, the processes of the session it leads (tmux makes each pane's process a session
   * leader, and its children stay in that session after it died), and all their descendants, as
   * far as they are alive now.
   */
  static List<Long> tree(long pid) {
    List<long[]> all = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : dirs) {
        long p = Long.parseLong(dir.getFileName().toString());
        Stat stat = Stat.of(p);
        if (stat != null && stat.state() != 'Z') {
          all.add(new long[] {p, stat.field(1), stat.field(3)});
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through with what we have
    }
    List<Long> tree = new ArrayList<>();
    if (alive(pid)) {
      tree.add(pid);
    }
    for (long[] pp : all) {
      if (pp[2] == pid && pp[0] != pid) {
        tree.add(pp[0]);
      }
    }
    for (int i = 0; i < tree.size(); i++) {
      long parent = tree.get(i);
      for (long[] pp : all) {
        if (pp[1] == parent && !tree.contains(pp[0])) {
          tree.add(pp[0]);
        }
      }
    }
    return tree;
  }

  static void kill(long pid, boolean force) {
    ProcessHandle.of(pid).ifPresent(h -> {
      if (force) {
        h.destroyForcibly();
      } else {
        h.destroy();
      }
    });
  }

  /** Waits until none of {@code pids} is alive; returns the ones still alive at the deadline. */
  static List<Long> awaitGone(List<Long> pids, long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    List<Long> left = new ArrayList<>(pids);
    while (true) {
      left.removeIf(p -> !alive(p));
      if (left.isEmpty() || System.nanoTime() > deadline) {
        return left;
      }
      sleep(20);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The bytes of a small {@code /proc} file, or null when it cannot be read. */
  private static byte[] read(String file, int max) {
    try (FileInputStream in = new FileInputStream(file)) {
      return in.readNBytes(max);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * One read of {@code /proc/PID/stat}, its fields taken from the bytes. The watchdog reads these
   * on its heartbeat and at every heal, interpreted: splitting the line into fifty strings cost
   * more than everything else it did there.
   */
  private static final class Stat {
    /** Beyond the longest line: 52 numbers of at most 20 digits, and a 15-byte name. */
    private static final int MAX = 1536;

    private final byte[] line;
    /** Where the state letter is: two bytes after the last ')', the end of the command name. */
    private final int state;

    private Stat(byte[] line, int state) {
      this.line = line;
      this.state = state;
    }

    /** The process's stat, or null when it is gone. */
    static Stat of(long pid) {
      if (pid <= 0) {
        return null;
      }
      byte[] line = read("/proc/" + pid + "/stat", MAX);
      if (line == null) {
        return null;
      }
      for (int i = line.length - 1; i > 0; i--) {
        if (line[i] == ')') {
          return i + 2 < line.length ? new Stat(line, i + 2) : null;
        }
      }
      return null;
    }

    char state() {
      return (char) line[state];
    }

    /** Field {@code k} after the command name (0 is the state, 1 the parent...), or -1 when not a number. */
    long field(int k) {
      int i = state;
      for (int skipped = 0; skipped < k; i++) {
        if (i >= line.length) {
          return -1;
        }
        if (line[i] == ' ') {
          skipped++;
        }
      }
      return number(line, i, line.length);
    }

    /** The decimal number at {@code from}, up to the first byte that is not a digit; -1 when none. */
    static long number(byte[] b, int from, int to) {
      long n = 0;
      int i = from;
      for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
        n = n * 10 + (b[i] - '0');
      }
      return i == from ? -1 : n;
    }
  }
}
