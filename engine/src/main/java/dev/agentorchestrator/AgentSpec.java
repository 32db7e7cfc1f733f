package dev.agentorchestrator;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One agent of {@code agents.toml}: its name, role file, command line and watch mode.
 *
 * @param name the table name under {@code [agents]}, made of {@code [A-Za-z0-9_-]}
 * @param role the role file, absolute
 * @param command the argv to run, or empty for the default {@code claude} command
 * @param watch whether the watchdog restarts the agent when it dies
 */
record AgentSpec(String name, Path role, List<String> command, Watch watch) {

  /** What the watchdog does when the agent's process dies. */
  enum Watch {
    /** Start it again (with back-off when it keeps dying). */
    HEAL,
    /** Leave it dead. */
    OFF;

    /** The spelling used in agents.toml and in status output. */
    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  AgentSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(watch, "watch");
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("agent name (" + name + ") must match [A-Za-z0-9_-]+");
    }
    command = List.copyOf(command);
  }

  /**
   * The argv run in the agent's pane. The default command reads the role file at every start, so an
   * edited role takes effect at the next restart, and the role never passes through tmux's limited
   * command buffer.
   */
  /** The program the agent runs: the first word of {@code command}, or {@code claude}. */
  String program() {
    return command.isEmpty() ? "claude" : command.get(0);
  }

  List<String> argv() {
    if (!command.isEmpty()) {
      return command;
    }
    return List.of("sh", "-c", "exec claude --append-system-prompt \"$(cat \"$AO_ROLE_FILE\")\"");
  }
}
