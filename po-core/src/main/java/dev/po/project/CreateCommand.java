package dev.po.project;

/** Describes a new project; {@link #call()} makes it. */
public final class CreateCommand {
  private CreateCommand() {}
}
