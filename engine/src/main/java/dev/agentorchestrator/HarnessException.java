package dev.agentorchestrator;

/** A failure to report to the user as one line, with the exit code the launcher returns. */
class HarnessException extends RuntimeException {

  private final int exitCode;

  HarnessException(String message) {
    this(message, 1);
  }

  HarnessException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** 1 for a failure, 2 for a usage error. */
  int exitCode() {
    return exitCode;
  }

  static HarnessException usage(String message) {
    return new HarnessException(message, 2);
  }
}
