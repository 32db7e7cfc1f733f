package dev.po.fleet;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem found in a registry file, positioned like a compiler message. {@link #toString()}
 * gives {@code fleet.toml:12:5: unknown key 'enabeld'}.
 *
 * @param file the registry file as the caller named it
 * @param line 1-based line, or 0 when the problem has no line (the file as a whole)
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong, in one line
 */
public record Problem(Path file, int line, int column, String message) {
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(file.toString());
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    return s.append(": ").append(message).toString();
  }
}
