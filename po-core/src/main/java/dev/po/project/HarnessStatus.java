package dev.po.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The agent to attach to (or hand a request), as this status records it; {@code name} is the project's: the one named, or the only one; refused
   * in one line when there is none such or it is not running. Wherever the project lives.
   */
  public Agent running(String name, String agent) {
    Agent target = choose(name, agent);
    if (!target.alive()) {
      throw new ProjectException("project " + name + ": agent " + target.name() + " is not running ("
          + target.stateNow() + "); start it with po start " + name);
    }
    return target;
  }

  private Agent choose(String name, String agent) {
    List<String> names = agents.stream().map(Agent::name).toList();
    if (names.isEmpty()) {
      throw new ProjectException("project " + name + ": no agent has run yet; start it with po start " + name);
    }
    if (agent == null) {
      if (names.size() > 1) {
        throw new ProjectException("project " + name + " has several agents; name one: " + String.join(", ", names));
      }
      return agents.get(0);
    }
    return agent(agent).orElseThrow(() -> new ProjectException(
        "project " + name + " has no agent '" + agent + "' (its agents: " + String.join(", ", names) + ")"));
  }

  /** The named agent, when the status file records it. */
  public java.util.Optional<Agent> agent(String name) {
    return agents.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /**
   * One agent as the harness records it, checked against the live process. Its JSON shape, shared
   * by {@code po fleet status --json}, answers from other hosts and embedders, is {@link #toJson()}.
   *
   * @param name the agent's name in agents.toml
   * @param watch {@code heal} or {@code off}, or {@code null} when the file does not say
   * @param state as the harness says: running, dead, stopped, backoff or crashloop
   * @param pid the recorded process id, or 0
   * @param alive whether {@code pid} is a live process now
   * @param uptimeSeconds how long it has run, now; {@code null} unless alive
   * @param restarts how many times the watchdog restarted it since the last manual up
   * @param lastExit its last exit status (128 + signal), or {@code null}
   */
  public record Agent(
      String name, String watch, String state, long pid, boolean alive, Long uptimeSeconds, int restarts,
      Integer lastExit) {
    public Agent {
      Objects.requireNonNull(name, "name");
      if (pid < 0) {
        throw new IllegalArgumentException("pid (" + pid + ") must not be negative");
      }
      if (restarts < 0) {
        throw new IllegalArgumentException("restarts (" + restarts + ") must not be negative");
      }
      if (uptimeSeconds != null && uptimeSeconds < 0) {
        throw new IllegalArgumentException("uptimeSeconds (" + uptimeSeconds + ") must not be negative");
      }
    }

    /** An agent known by its name, state, pid, restarts and liveness alone. */
    public Agent(String name, String state, long pid, int restarts, boolean alive) {
      this(name, null, state, pid, alive, null, restarts, null);
    }

    /**
     * The state to show now: as recorded, except that a {@code running} agent whose process is
     * gone is {@code dead} (the file outlives a reboot or a {@code kill -9} of the harness).
     */
    public String stateNow() {
      return "running".equals(state) && !alive ? "dead" : state == null ? "unknown" : state;
    }

    /**
     * The agent as JSON values, in this order: {@code name, watch, state} (as {@link #stateNow()}),
     * {@code alive, pid} ({@code null} unless alive), {@code uptimeSeconds, restarts, lastExit}.
     */
    public Map<String, Object> toJson() {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", name);
      o.put("watch", watch);
      o.put("state", stateNow());
      o.put("alive", alive);
      o.put("pid", alive ? pid : null);
      o.put("uptimeSeconds", uptimeSeconds);
      o.put("restarts", restarts);
      o.put("lastExit", lastExit);
      return o;
    }

    /** The agent {@link #toJson()} wrote, read back from parsed JSON values (maps, numbers, strings). */
    public static Agent fromJson(Map<String, ?> o) {
      boolean alive = Boolean.TRUE.equals(o.get("alive"));
      Object pid = o.get("pid");
      return new Agent(
          (String) o.get("name"),
          (String) o.get("watch"),
          (String) o.get("state"),
          pid == null ? 0 : ((Number) pid).longValue(),
          alive,
          o.get("uptimeSeconds") == null ? null : ((Number) o.get("uptimeSeconds")).longValue(),
          o.get("restarts") == null ? 0 : ((Number) o.get("restarts")).intValue(),
          o.get("lastExit") == null ? null : ((Number) o.get("lastExit")).intValue());
    }
  }
}
