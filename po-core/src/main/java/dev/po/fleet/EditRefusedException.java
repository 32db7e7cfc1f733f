package dev.po.fleet;

import dev.po.PoException;

/**
 * A registry edit that cannot be made in place (an entry not written as its own table, a
 * reordering) or whose result would not read back as intended. The file was not written.
 */
public class EditRefusedException extends PoException {
  private static final long serialVersionUID = 1L;

  public EditRefusedException(String message) {
    super(message);
  }

  public EditRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
