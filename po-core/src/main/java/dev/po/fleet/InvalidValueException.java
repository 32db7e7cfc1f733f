package dev.po.fleet;

import dev.po.PoException;

/**
 * A value given to the registry model is not one it allows: an invalid project or harness name, a
 * blank location or url, a ref that is not a tag, branch or commit id, a duplicate name. A refusal
 * of the caller's input, never a bug; nothing was changed.
 */
public class InvalidValueException extends PoException {
  private static final long serialVersionUID = 1L;

  public InvalidValueException(String message) {
    super(message);
  }
}
