package dev.po.fleet;

import dev.po.PoException;

/** A project name that the registry does not record. */
public class UnknownProjectException extends PoException {
  private static final long serialVersionUID = 1L;
  private final String name;

  public UnknownProjectException(String name) {
    super("no project '" + name + "' in the fleet registry");
    this.name = name;
  }

  public String name() {
    return name;
  }
}
