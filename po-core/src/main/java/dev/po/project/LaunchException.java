package dev.po.project;

import java.nio.file.Path;
import java.util.List;

/**
 * The harness launcher failed: it exited non-zero or ran past its timeout. The message carries the
 * command, folder, exit value and the end of its output.
 */
public class LaunchException extends ProjectException {
  private static final long serialVersionUID = 1L;
  private final List<String> command;
  private final transient Path folder;
  private final int exitValue;
  private final String output;

  public LaunchException(String message, List<String> command, Path folder, int exitValue, String output) {
    super(message);
    this.command = List.copyOf(command);
    this.folder = folder;
    this.exitValue = exitValue;
    this.output = output;
  }

  public List<String> command() {
    return command;
  }

  public Path folder() {
    return folder;
  }

  /** The exit value, {@code -1} when the launcher timed out. */
  public int exitValue() {
    return exitValue;
  }

  /** The end of the launcher's output. */
  public String output() {
    return output;
  }
}
