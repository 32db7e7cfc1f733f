package dev.po.cli;

import java.util.Map;
import picocli.CommandLine;

/** The command tree for tests outside this package. */
public final class CommandTree {
  private CommandTree() {}

  public static CommandLine commandLine() {
    return Main.commandLine(Map.of());
  }
}
