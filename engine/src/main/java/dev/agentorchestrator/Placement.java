package dev.agentorchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where a project's agents run, resolved once for every verb: the tmux record {@code up} left in
 * {@code .ao-state/}, checked against the folder it is read from (moved, or copied from another
 * project) and against AO_TMUX_SOCKET. What differs is said in {@link #notes()}, never ignored.
 */
final class Placement {

  private final Project project;
  /** The socket AO_TMUX_SOCKET names, or null for the default server. */
  private final String envSocket;
  /** What up recorded in this folder; null when nothing was (never started, or a copy). */
  private final TmuxRecord recorded;
  /** The project this folder's .ao-state/ was copied from, or null. */
  private final Path copiedFrom;
  private final List<String> notes = new ArrayList<>();
  private TmuxRecord adopted;
  private Tmux tmux;

  private Placement(Project project, String envSocket, TmuxRecord recorded, Path copiedFrom) {
    this.project = project;
    this.envSocket = new Tmux(envSocket).socket();
    this.recorded = recorded;
    this.copiedFrom = copiedFrom;
    this.tmux = new Tmux(recorded != null ? recorded.socket() : envSocket);
  }

  /** The placement of {@code project}'s agents; {@code envSocket} is AO_TMUX_SOCKET. */
  static Placement of(Project project, String envSocket) {
    TmuxRecord r = TmuxRecord.read(project.stateDir());
    Path copiedFrom = null;
    if (r != null && !r.madeFor(project.root())) {
      // This folder is a copy: its sessions and counters are another project's, which may well
      // run on (moved, or where it was). Deleting the original does not make the copy that project:
      // the original's agents run in the deleted folder.
      copiedFrom = r.root();
      r = null;
    }
    return new Placement(project, envSocket, r, copiedFrom);
  }

  /** What up recorded in this folder, or null. */
  TmuxRecord recorded() {
    return recorded;
  }

  /** The agents' counters in state.json; none in a copy, where the file is the original's. */
  Map<String, AgentState> states() {
    return copiedFrom == null ? StateStore.read(project.stateJson()) : new LinkedHashMap<>();
  }

  /** The tmux server of the agents: the recorded one, else AO_TMUX_SOCKET's. */
  Tmux tmux() {
    return tmux;
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  /**
   * The record {@code up} starts from: the recorded one, in this folder, on the server AO_TMUX_SOCKET
   * names. A different server is taken only when nothing of the project runs on the recorded one:
   * otherwise up would start every agent a second time.
   */
  TmuxRecord forUp(java.util.function.BooleanSupplier watchdogAlive) {
    if (copiedFrom != null) {
      String from = copiedFrom.equals(project.root()) ? "another folder that stood at this path" : copiedFrom.toString();
      notes.add("this folder's .ao-state/ was copied from " + from + ": starting as a project of its own");
      try {
        Files.deleteIfExists(project.stateJson());
        Files.deleteIfExists(project.statusJson());
      } catch (IOException e) {
        throw new HarnessException("cannot reset the copied state in " + project.stateDir() + ": " + e.getMessage());
      }
    }
    TmuxRecord r = record();
    if (!Objects.equals(r.socket(), envSocket)) {
      if (watchdogAlive.getAsBoolean() || tmux.panes().values().stream().anyMatch(r::owns)) {
        throw new HarnessException("this project's agents run on " + Tmux.describeServer(r.socket())
            + " (recorded in .ao-state/" + TmuxRecord.FILE + "), not on " + Tmux.describeServer(envSocket)
            + " (AO_TMUX_SOCKET): run 'agents down' first, which stops them there, or run up with "
            + (r.socket() == null ? "AO_TMUX_SOCKET unset" : "AO_TMUX_SOCKET=" + r.socket()));
      }
      r = r.withPlace(r.root(), envSocket);
      tmux = new Tmux(envSocket);
    }
    if (!r.root().equals(project.root())) {
      notes.add("the project moved from " + r.root() + "; its agents keep their tmux sessions");
    }
    // here, with the folder's identity, by which a later verb knows a copy of this folder
    return r.withPlace(project.root(), r.socket());
  }

  /**
   * The record every verb acts on: what up recorded; else the sessions a harness from before records
   * left running, adopted when their pids match its state; else a new one, under which nothing runs.
   */
  TmuxRecord record() {
    if (recorded != null) {
      return recorded;
    }
    if (adopted == null) {
      TmuxRecord now = copiedFrom == null ? TmuxRecord.read(project.stateDir()) : null; // by a concurrent up
      if (now != null) {
        adopted = now;
        tmux = new Tmux(now.socket());
      } else {
        adopted = copiedFrom == null && Files.isRegularFile(project.stateJson())
            ? project.locked(this::adoptLegacy) : TmuxRecord.fresh(project.root(), envSocket);
      }
    }
    return adopted;
  }

  private TmuxRecord adoptLegacy() {
    TmuxRecord fresh = TmuxRecord.read(project.stateDir()); // written meanwhile by a concurrent verb
    if (fresh != null) {
      tmux = new Tmux(fresh.socket());
      return fresh;
    }
    fresh = TmuxRecord.fresh(project.root(), envSocket);
    Map<String, Tmux.Pane> panes = null;
    for (Map.Entry<String, AgentState> e : StateStore.read(project.stateJson()).entrySet()) {
      AgentState s = e.getValue();
      if (!s.up || s.pid <= 0) {
        continue;
      }
      panes = panes == null ? tmux.panes() : panes;
      String legacy = project.legacySession(e.getKey());
      Tmux.Pane pane = panes.get(legacy);
      if (pane != null && pane.owner().isEmpty() && pane.pid() == s.pid && tmux.claim(legacy, fresh.project()).ok()) {
        fresh = fresh.withAgent(e.getKey(), legacy, AgentSpec.Watch.HEAL);
      }
    }
    if (!fresh.agents().isEmpty()) {
      fresh.write(project.stateDir());
      notes.add("adopted the sessions " + fresh.agents().values().stream().map(TmuxRecord.Agent::session).collect(Collectors.toList())
          + " started by an earlier harness");
    }
    return fresh;
  }

  /** Notes that the recorded place differs from what the environment says, when it does. */
  void noteRecordedPlace(TmuxRecord r) {
    if (recorded != null && !Objects.equals(r.socket(), envSocket)) {
      notes.add("this project's agents were started on " + Tmux.describeServer(r.socket()) + " (recorded in .ao-state/"
          + TmuxRecord.FILE + "), so that is where this acts; AO_TMUX_SOCKET names " + Tmux.describeServer(envSocket));
    }
    if (recorded != null && !r.root().equals(project.root())) {
      notes.add("the project moved from " + r.root() + " since its agents were started");
    }
  }

  /** The agents known without agents.toml: the recorded ones, then any other the counters name. */
  static Map<String, AgentSpec.Watch> recordedWatches(TmuxRecord r, Map<String, AgentState> states) {
    Map<String, AgentSpec.Watch> agents = new LinkedHashMap<>();
    r.agents().forEach((name, a) -> agents.put(name, a.watch()));
    states.keySet().forEach(name -> agents.putIfAbsent(name, AgentSpec.Watch.HEAL));
    return agents;
  }
}
