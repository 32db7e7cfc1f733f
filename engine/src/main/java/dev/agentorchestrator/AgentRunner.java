package dev.agentorchestrator;

import java.nio.file.Files;
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
   * Starts {@code agent} in its recorded session unless its pane runs; returns the new pid, or 0
   * when it was already running. A dead pane is respawned in place, so an attached operator stays
   * attached. A session of that name that another project owns is never touched. The agent holds
   * its lifeline ({@link Lifelines}); the watchdog arms it first.
   */
  long start(AgentSpec agent, Tmux.Pane pane, TmuxRecord record) {
    String session = record.sessionOf(agent.name());
    if (pane != null && !record.owns(pane)) {
      throw foreign(agent.name(), session, pane);
    }
    if (pane != null && pane.running()) {
      return 0;
    }
    // tmux would start the agent in its own working folder instead: never run an agent outside its project
    if (!Files.isDirectory(project.root())) {
      throw new HarnessException("not starting agent " + agent.name() + ": the project folder " + project.root() + " is gone");
    }
    // the agent died but something it started still holds the terminal: respawn ends that too
    boolean kill = pane != null && !pane.dead();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AO_AGENT", agent.name());
    env.put("AO_ROLE_FILE", agent.role().toString());
    env.put("AO_PROJECT_ROOT", project.root().toString());
    String dir = project.root().toString();
    List<String> argv = Lifelines.wrap(project.lifeline(agent.name()), agent.argv());
    String log = "exec cat >> " + Tmux.shellQuote(project.log(agent.name()).toString());
    Tmux.Result r = pane != null
        ? tmux.respawn(session, dir, env, argv, log, kill)
        : tmux.newSession(session, record.project(), dir, env, argv, log,
            "touch " + Tmux.shellQuote(project.wakeFile().toString()));
    if (!r.ok() && pane == null && r.err().contains("duplicate session")) {
      // made meanwhile: respawn it only if it is ours
      Tmux.Pane now = tmux.panes().get(session);
      if (now != null && !record.owns(now)) {
        throw foreign(agent.name(), session, now);
      }
      r = tmux.respawn(session, dir, env, argv, log, false);
    }
    if (!r.ok()) {
      throw new HarnessException("cannot start agent " + agent.name() + ": " + r.describe());
    }
    String[] lines = r.out().strip().split("\n");
    try {
      return Long.parseLong(lines[lines.length - 1].strip());
    } catch (NumberFormatException e) {
      throw new HarnessException("agent " + agent.name() + " started but tmux reported no pid: " + r.out().strip());
    }
  }

  private HarnessException foreign(String agent, String session, Tmux.Pane pane) {
    return new HarnessException("agent " + agent + ": tmux session " + session + " on " + tmux.describeServer()
        + " belongs to " + (pane.owner().isEmpty() ? "no project of this harness" : "project " + pane.owner())
        + ", not to this one; left alone");
  }

  /** Kills the agent's session and makes sure its whole process tree is gone; {@code pane} must be ours or null. */
  void stop(String agent, Tmux.Pane pane) {
    List<Long> tree = pane == null ? List.of() : Procs.tree(pane.pid());
    if (pane != null) {
      Tmux.Result r = tmux.killSession(pane.session());
      if (!r.ok() && !r.err().contains("can't find session")) {
        throw new HarnessException("cannot stop agent " + agent + ": " + r.describe());
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
