package dev.po.project;

import java.nio.file.Path;

/** Reads a project's harness state from its status file. */
public final class HarnessStates {
  private HarnessStates() {}

  /** The harness state of the project at {@code projectRoot}; never starts a process. */
  public static HarnessState of(Path projectRoot) {
    return HarnessState.UNKNOWN;
  }
}
