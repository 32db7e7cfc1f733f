package dev.agentorchestrator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether the agents' processes live, for the watchdog's backstop, which asks every second for
 * weeks. Each process's {@code /proc/PID/stat} is opened once and read again in place: one read per
 * look instead of an open, a read and a close with their garbage. A file opened on a process
 * answers for that process only: once it is reaped, reads fail, whoever takes its number next.
 * Answers as {@link Procs#alive} does.
 */
final class Liveness {

  private final Map<Long, FileChannel> files = new HashMap<>();
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(1024);

  /** Whether {@code pid} runs and is not a zombie. */
  boolean alive(long pid) {
    if (pid <= 0) {
      return false;
    }
    FileChannel file = files.get(pid);
    try {
      if (file == null) {
        file = FileChannel.open(Path.of("/proc/" + pid + "/stat"));
        files.put(pid, file);
      }
      buffer.clear();
      int n = file.read(buffer, 0);
      // the state letter follows the last ')', the end of the command name
      for (int i = n - 1; i > 0; i--) {
        if (buffer.get(i) == ')') {
          byte state = i + 2 < n ? buffer.get(i + 2) : (byte) 'X';
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
    files.keySet().stream().filter(p -> !pids.contains(p)).toList().forEach(this::forget);
  }

  private void forget(long pid) {
    FileChannel file = files.remove(pid);
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        // a /proc file: nothing was written that could be lost
      }
    }
  }
}
