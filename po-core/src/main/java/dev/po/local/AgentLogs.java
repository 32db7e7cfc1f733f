package dev.po.local;

import dev.po.project.LogLine;
import dev.po.project.ProjectException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Internal: the agents' logs the harness keeps under {@code .ao-state/logs/} (its documented
 * contract, like the status file): the end of each, and what is appended after. The files are read
 * here rather than through {@code engine/agents logs}, which would start a JVM per agent and can
 * neither cut the end of a log nor say where its first dump ends when following.
 */
final class AgentLogs {
  /** Where the harness writes each agent's terminal output, {@code AGENT.log}, relative to the root. */
  static final String LOGS_DIR = ".ao-state/logs";

  private static final int CHUNK = 64 * 1024;
  private static final long POLL_MILLIS = 200;
  /** A line without its newline yet (a prompt, a progress bar) is shown after this long unchanged. */
  private static final long PARTIAL_MILLIS = 1000;

  private final Path dir;

  AgentLogs(Path projectRoot) {
    this.dir = projectRoot.resolve(LOGS_DIR);
  }

  Path log(String agent) {
    return dir.resolve(agent + ".log");
  }

  /** The previous part of a log, where the watchdog copies it before emptying it in place. */
  Path previous(String agent) {
    return dir.resolve(agent + ".log.1");
  }

  boolean exists(String agent) {
    return Files.isRegularFile(log(agent)) || Files.isRegularFile(previous(agent));
  }

  /** Agents that have a log, by file name; for a project whose status file names none. */
  List<String> withLogs() {
    List<String> names = new ArrayList<>();
    try (var files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".log") && !f.equals("watchdog.log"))
          .map(f -> f.substring(0, f.length() - 4))
          .sorted()
          .forEach(names::add);
    } catch (NoSuchFileException e) {
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** The last {@code n} lines of the agent's log, reaching into its previous part when needed. */
  List<String> last(String agent, int n) {
    Deque<String> lines = new ArrayDeque<>(tail(log(agent), n));
    if (lines.size() < n) {
      List<String> earlier = tail(previous(agent), n - lines.size());
      for (int i = earlier.size() - 1; i >= 0; i--) {
        lines.addFirst(earlier.get(i));
      }
    }
    return List.copyOf(lines);
  }

  /**
   * Sends every line appended to the agents' logs from now on to {@code sink}, until the thread is
   * interrupted. A log emptied by rotation is read on from the start, after the rest of the part
   * the watchdog copied aside.
   */
  void follow(List<String> agents, Consumer<LogLine> sink) {
    Map<String, Cursor> cursors = new LinkedHashMap<>();
    for (String a : agents) {
      cursors.put(a, new Cursor(a, size(log(a))));
    }
    while (!Thread.currentThread().isInterrupted()) {
      long now = System.currentTimeMillis();
      for (Cursor c : cursors.values()) {
        c.poll(sink, now);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final class Cursor {
    final String agent;
    long position;
    final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    long pendingSince;

    Cursor(String agent, long position) {
      this.agent = agent;
      this.position = Math.max(0, position);
    }

    void poll(Consumer<LogLine> sink, long now) {
      long size = size(log(agent));
      if (size < position) {
        // rotated: the watchdog copied the log to .log.1 and emptied it; finish that part first
        long previousSize = size(previous(agent));
        if (previousSize > position) {
          emit(read(previous(agent), position, previousSize), sink, now);
        }
        position = 0;
      }
      if (size > position) {
        emit(read(log(agent), position, size), sink, now);
        position = size;
      } else if (pending.size() > 0 && now - pendingSince >= PARTIAL_MILLIS) {
        sink.accept(new LogLine(agent, text(pending.toByteArray(), 0, pending.size())));
        pending.reset();
      }
    }

    private void emit(byte[] bytes, Consumer<LogLine> sink, long now) {
      int start = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          pending.write(bytes, start, i - start);
          byte[] line = pending.toByteArray();
          pending.reset();
          sink.accept(new LogLine(agent, text(line, 0, line.length)));
          start = i + 1;
        }
      }
      if (start < bytes.length) {
        if (pending.size() == 0) {
          pendingSince = now;
        }
        pending.write(bytes, start, bytes.length - start);
      }
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static byte[] read(Path file, long from, long to) {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long end = Math.min(to, f.length());
      if (end <= from) {
        return new byte[0];
      }
      byte[] b = new byte[(int) Math.min(end - from, Integer.MAX_VALUE - 8)];
      f.seek(from);
      f.readFully(b);
      return b;
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return new byte[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The last {@code n} lines of {@code file}, read backwards a chunk at a time: a log may hold
   * megabytes, and only its end is wanted. A final line without its newline counts as a line.
   */
  static List<String> tail(Path file, int n) {
    if (n <= 0) {
      return List.of();
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long end = f.length();
      if (end == 0) {
        return List.of();
      }
      f.seek(end - 1);
      if (f.read() == '\n') {
        end--;
      }
      // walk back to just after the n-th newline from the end, or to the start of the file
      long start = 0;
      int newlines = 0;
      long pos = end;
      byte[] buf = new byte[CHUNK];
      search:
      while (pos > 0) {
        int len = (int) Math.min(CHUNK, pos);
        pos -= len;
        f.seek(pos);
        f.readFully(buf, 0, len);
        for (int i = len - 1; i >= 0; i--) {
          if (buf[i] == '\n' && ++newlines == n) {
            start = pos + i + 1;
            break search;
          }
        }
      }
      byte[] bytes = new byte[(int) (end - start)];
      f.seek(start);
      f.readFully(bytes);
      List<String> lines = new ArrayList<>();
      int from = 0;
      for (int i = 0; i <= bytes.length; i++) {
        if (i == bytes.length || bytes[i] == '\n') {
          lines.add(text(bytes, from, i - from));
          from = i + 1;
        }
      }
      return lines;
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A line's text; the carriage return a terminal puts before its newline is dropped. */
  private static String text(byte[] b, int off, int len) {
    if (len > 0 && b[off + len - 1] == '\r') {
      len--;
    }
    return new String(b, off, len, StandardCharsets.UTF_8);
  }
}
