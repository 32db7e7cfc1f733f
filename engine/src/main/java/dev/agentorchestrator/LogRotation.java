package dev.agentorchestrator;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the logs under {@code .ao-state/logs/} bounded while agents run for weeks: a log past its
 * limit is copied to {@code NAME.log.1} (replacing the older one) and emptied in place. Emptying
 * rather than renaming matters: tmux's pipe-pane appends to the open file (O_APPEND), so its next
 * write lands at the start of the emptied log instead of in a renamed one. What is written between
 * the copy and the emptying is lost, as with logrotate's copytruncate.
 */
final class LogRotation {
  /** The limit when {@code AO_LOG_MAX_BYTES} does not set one: 16 MiB. */
  static final long DEFAULT_MAX_BYTES = 16L << 20;
  static final long MAX_BYTES = maxBytes(System.getenv("AO_LOG_MAX_BYTES"));

  private LogRotation() {}

  static long maxBytes(String setting) {
    if (setting == null || setting.isBlank()) {
      return DEFAULT_MAX_BYTES;
    }
    try {
      long n = Long.parseLong(setting.strip());
      return n > 0 ? n : DEFAULT_MAX_BYTES;
    } catch (NumberFormatException e) {
      return DEFAULT_MAX_BYTES;
    }
  }

  /**
   * Rotates every {@code *.log} in {@code dir} larger than {@code maxBytes}; returns their names.
   * The look runs on every heartbeat of every watchdog, so it is a plain listing and a size per
   * file (a glob would compile a pattern each time).
   */
  static List<String> trim(Path dir, long maxBytes) throws IOException {
    List<String> rotated = new ArrayList<>();
    String[] names = dir.toFile().list();
    if (names == null) {
      return rotated; // not a folder (yet)
    }
    for (String name : names) {
      File file = new File(dir.toFile(), name);
      if (name.endsWith(".log") && file.length() > maxBytes && file.isFile()) {
        Path log = file.toPath();
        Files.copy(log, log.resolveSibling(name + ".1"), StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel c = FileChannel.open(log, StandardOpenOption.WRITE)) {
          c.truncate(0);
        }
        rotated.add(name);
      }
    }
    return rotated;
  }
}
