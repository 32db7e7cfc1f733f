package dev.po;

/**
 * The root of every failure po-core reports. Unchecked, like JGit's porcelain exceptions; the
 * message is always one line an operator can act on (what failed and where), never a stack trace.
 */
public class PoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PoException(String message) {
    super(message);
  }

  public PoException(String message, Throwable cause) {
    super(message, cause);
  }
}
