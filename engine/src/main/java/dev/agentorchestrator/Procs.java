package dev.agentorchestrator;

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
    String[] stat = stat(pid);
    return stat != null && !"Z".equals(stat[0]) && !"X".equals(stat[0]);
  }

  /**
   * The exit of a zombie (128 + signal when killed), or null when {@code pid} is not a zombie.
   * tmux sometimes reaps a dead pane's process late; until then the status is only here.
   */
  static Integer zombieExit(long pid) {
    String[] stat = stat(pid);
    if (stat == null || !"Z".equals(stat[0]) || stat.length < 50) {
      return null;
    }
    try {
      int status = Integer.parseInt(stat[49].strip()); // field 52, exit_code, in waitpid's encoding
      return (status & 0x7f) != 0 ? 128 + (status & 0x7f) : (status >> 8) & 0xff;
    } catch (NumberFormatException e) {
      return null;
    }
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
    String[] stat = stat(pid);
    if (stat == null) {
      return -1;
    }
    try {
      // fields after "comm)": state=0, ppid=1, ..., starttime=19
      long start = Long.parseLong(stat[19]) / CLOCK_TICKS;
      String up = Files.readString(Path.of("/proc/uptime"));
      long now = (long) Double.parseDouble(up.substring(0, up.indexOf(' ')));
      return Math.max(0, now - start);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
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
        String[] stat = stat(p);
        if (stat != null && !"Z".equals(stat[0])) {
          all.add(new long[] {p, Long.parseLong(stat[1]), Long.parseLong(stat[3])});
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

  /** The fields of /proc/PID/stat after the command name, or null when the process is gone. */
  private static String[] stat(long pid) {
    if (pid <= 0) {
      return null;
    }
    try {
      String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return s.substring(s.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
