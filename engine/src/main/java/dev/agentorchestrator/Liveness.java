package dev.agentorchestrator;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether the agents' processes live, for the watchdog's backstop, which asks every second for
 * weeks. Each process's {@code /proc/PID/stat} is opened once and read again in place: one seek and
 * one short read per look instead of an open, a read and a close with their garbage. A file opened
 * on a process answers for that process only: once it is reaped, reads fail, whoever takes its
 * number next. Answers as {@link Procs#alive} does.
 *
 * <p>The watchdog runs interpreted, so the look is kept to few bytecodes: a plain {@link
 * RandomAccessFile} (a channel's read runs through many layers of Java), and only the head of the
 * line is read and scanned. The state letter follows the command name, which the kernel caps at 15
 * bytes, so it is always within {@link #HEAD} bytes; every field after it is a number, so the last
 * {@code ')'} of the head is the end of the name even when the name holds one.
 */
final class Liveness {

  /** Pid (at most 7 digits), " (", the name (at most 15 bytes), ") " and the state, with room. */
  static final int HEAD = 64;

  private final Map<Long, RandomAccessFile> files = new HashMap<>();
  private final byte[] head = new byte[HEAD];

  /** Whether {@code pid} runs and is not a zombie. */
  boolean alive(long pid) {
    if (pid <= 0) {
      return false;
    }
    RandomAccessFile file = files.get(pid);
    try {
      if (file == null) {
        file = new RandomAccessFile("/proc/" + pid + "/stat", "r");
        files.put(pid, file);
      }
      file.seek(0);
      int n = file.read(head, 0, HEAD);
      for (int i = n - 1; i > 0; i--) {
        if (head[i] == ')') {
          byte state = i + 2 < n ? head[i + 2] : (byte) 'X';
          if (state != 'Z' && state != 'X') {
            return true;
          }
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone (ESRCH once reaped), or never there
    }
    forget(pid);
    return false;
  }

  /** Closes the files of processes other than {@code pids}. */
  void retain(Collection<Long> pids) {
    files.keySet().removeIf(p -> {
      if (pids.contains(p)) {
        return false;
      }
      close(files.get(p));
      return true;
    });
  }

  private void forget(long pid) {
    close(files.remove(pid));
  }

  private static void close(RandomAccessFile file) {
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        // a /proc file: nothing was written that could be lost
      }
    }
  }
}
