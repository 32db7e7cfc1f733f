package dev.po.project;

import java.util.List;
import java.util.Objects;

/**
 * What a project's harness status file says, checked against the live processes.
 *
 * @param state the summary: running, degraded, stopped or unknown
 * @param watchdogAlive whether the recorded watchdog process is alive
 * @param watchdogPid the recorded watchdog pid, or 0
 * @param agents each agent as recorded, in file order
 */
public record HarnessStatus(
    HarnessState state, boolean watchdogAlive, long watchdogPid, List<Agent> agents) {
  /** The status of a project whose status file cannot be read. */
  public static final HarnessStatus UNKNOWN = new HarnessStatus(HarnessState.UNKNOWN, false, 0, List.of());

  /** The status of a project never started: no status file yet, nothing runs. */
  public static final HarnessStatus NEVER_STARTED = new HarnessStatus(HarnessState.STOPPED, false, 0, List.of());

  public HarnessStatus {
    Objects.requireNonNull(state, "state");
    agents = List.copyOf(agents);
  }

  /** The named agent, when the status file records it. */
  public java.util.Optional<Agent> agent(String name) {
    return agents.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /**
   * One agent as the harness records it.
   *
   * @param name the agent's name in agents.toml
   * @param state as the harness says: running, dead, stopped, backoff or crashloop
   * @param pid the recorded process id, or 0
   * @param restarts how many times the watchdog restarted it since the last manual up
   * @param alive whether {@code pid} is a live process now
   */
  public record Agent(String name, String state, long pid, int restarts, boolean alive) {}
}
