package dev.po.project;

import dev.po.PoException;

/**
 * A lifecycle operation on a project was refused or failed: the location is taken, the ref does not
 * exist, the project has staged changes, a git operation failed. The message names the project
 * and what to do; whatever the operation changed has been undone.
 */
public class ProjectException extends PoException {
  private static final long serialVersionUID = 1L;

  public ProjectException(String message) {
    super(message);
  }

  public ProjectException(String message, Throwable cause) {
    super(message, cause);
  }
}
