package dev.po.project;

/**
 * Another command is changing the project right now (in this process or another): this one was
 * refused before it changed anything. Try again when the other is done.
 */
public class ProjectBusyException extends ProjectException {
  private static final long serialVersionUID = 1L;

  public ProjectBusyException(String message) {
    super(message);
  }
}
