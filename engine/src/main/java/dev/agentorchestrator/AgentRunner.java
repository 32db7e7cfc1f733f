package dev.agentorchestrator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts and stops one agent's tmux session; used by the watchdog and by {@code down}. */
final class AgentRunner {

  private final Project project;
  private final Tmux tmux;

  AgentRunner(Project project, Tmux tmux) {
    this.project = project;
    this.tmux = tmux;
  }

  /**
   * Starts {@code agent} unless its pane runs; returns the new pid, or 0 when it was already
   * running. A dead pane is respawned in place, so an attached operator stays attached.
   */
  long start(AgentSpec agent, Tmux.Pane pane) {
    if (pane != null && pane.running()) {
      return 0;
    }
    // the agent died but something it started still holds the terminal: respawn ends that too
    boolean kill = pane != null && !pane.dead();
    String session = project.session(agent.name());
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AO_AGENT", agent.name());
    env.put("AO_ROLE_FILE", agent.role().toString());
    env.put("AO_PROJECT_ROOT", project.root().toString());
    String dir = project.root().toString();
    String log = "exec cat >> " + Tmux.shellQuote(project.log(agent.name()).toString());
    Tmux.Result r = pane != null
        ? tmux.respawn(session, dir, env, agent.argv(), log, kill)
        : tmux.newSession(session, dir, env, agent.argv(), log, "touch " + Tmux.shellQuote(project.wakeFile().toString()));
    if (!r.ok() && pane == null && r.err().contains("duplicate session")) {
      r = tmux.respawn(session, dir, env, agent.argv(), log, false);
    }
    if (!r.ok()) {
      throw new HarnessException("cannot start agent " + agent.name() + " in tmux session " + session + ": " + r.err());
    }
    String[] lines = r.out().strip().split("\n");
    try {
      return Long.parseLong(lines[lines.length - 1].strip());
    } catch (NumberFormatException e) {
      throw new HarnessException("agent " + agent.name() + " started but tmux reported no pid: " + r.out().strip());
    }
  }

  /** Kills the agent's session and makes sure its whole process tree is gone. */
  void stop(String agent, Tmux.Pane pane) {
    List<Long> tree = pane == null ? List.of() : Procs.tree(pane.pid());
    String session = project.session(agent);
    if (pane != null) {
      Tmux.Result r = tmux.killSession(session);
      if (!r.ok() && !r.err().contains("can't find session")) {
        throw new HarnessException("cannot stop tmux session " + session + ": " + r.err());
      }
    }
    // kill-session only sends SIGHUP; whatever ignores it is terminated, then killed
    List<Long> left = Procs.awaitGone(tree, 2000);
    left.forEach(p -> Procs.kill(p, false));
    left = Procs.awaitGone(left, 2000);
    left.forEach(p -> Procs.kill(p, true));
    left = Procs.awaitGone(left, 2000);
    if (!left.isEmpty()) {
      throw new HarnessException("agent " + agent + ": processes " + left + " survived SIGKILL");
    }
  }
}
