package dev.po.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temp folders the shared extensions make and remove themselves, outside JUnit's {@code @TempDir}. */
final class TempFolders {
  private TempFolders() {}

  /** A new empty folder in the system's temp folder, its name starting with {@code prefix}. */
  static Path make(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new empty folder in {@code parent}, its name starting with {@code prefix}. */
  static Path make(Path parent, String prefix) {
    try {
      return Files.createTempDirectory(parent, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes {@code dir} and all below it; whatever cannot be removed is left, never an error. */
  static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a file vanishing meanwhile (an agent's log rotated as it stopped) leaves a little behind
    }
  }
}
