package dev.po.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one program run did.
 *
 * @param command the argv as given
 * @param folder the working folder, or {@code null} for this JVM's
 * @param exitValue the exit value, {@code -1} when it timed out
 * @param timedOut whether it was killed at the timeout
 * @param output the last {@link Exec#OUTPUT_CAP} bytes of stdout and stderr, interleaved
 * @param took how long it ran
 */
public record ExecResult(
    List<String> command, Path folder, int exitValue, boolean timedOut, String output, Duration took) {
  /** How much output a failure message quotes. */
  static final int MESSAGE_OUTPUT_CAP = 2000;

  public ExecResult {
    command = List.copyOf(command);
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(took, "took");
  }

  public boolean succeeded() {
    return !timedOut && exitValue == 0;
  }

  /**
   * One message in zt-exec's manner: command, folder, exit value (or timeout), and the end of the
   * output, so an operator sees why without rerunning.
   */
  public String describe() {
    StringBuilder s = new StringBuilder(String.join(" ", command));
    if (folder != null) {
      s.append(" in ").append(folder);
    }
    if (timedOut) {
      s.append(" timed out after ").append(seconds(took));
    } else {
      s.append(" exited ").append(exitValue).append(" after ").append(seconds(took));
    }
    String out = output.strip();
    if (out.isEmpty()) {
      return s.append(" with no output").toString();
    }
    if (out.length() > MESSAGE_OUTPUT_CAP) {
      out = "..." + out.substring(out.length() - MESSAGE_OUTPUT_CAP);
    }
    return s.append("; output:\n").append(out).toString();
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }
}
