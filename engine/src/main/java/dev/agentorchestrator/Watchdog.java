package dev.agentorchestrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The long-lived process that heals agents. It sleeps on inotify over {@code .ao-state/inbox},
 * where tmux's pane-died hook and {@code up} leave notes, and is rung by the agents' {@link
 * Lifelines} the moment one ends: those are the fast paths of a heal. Since either can miss a
 * death, it also checks the agents' pids in {@code /proc} every {@link #POLL_MILLIS} (no process
 * started) and lists all panes in one tmux call when a pid is gone, and every minute regardless.
 * It never wakes an agent: the heartbeat (every 30 s) only refreshes the status file.
 */
final class Watchdog {

  /**
   * The backstop's period: a death the hook missed is healed within about this long. Each wake-up
   * costs a fleet one context switch per project, so it is as long as the promise of healing every
   * death within 2 s allows, with room for a loaded host.
   */
  static final long POLL_MILLIS = 1000;
  /**
   * Rendering and replacing the status file is most of what an idle watchdog does: every 10 s it
   * was two fifths of its CPU. Every 30 s still tells a reader a dead watchdog within a minute.
   */
  static final long HEARTBEAT_MILLIS = 30_000;
  /** How often all panes are listed even when nothing happened: the backstop of the backstop. */
  static final long FULL_LIST_MILLIS = 60_000;
  /**
   * How often an idle watchdog looks whether its project folder is still where it started. It
   * looks before every action too, so it never acts outside its project; this only bounds how long
   * a moved or deleted project's watchdog lingers before it leaves its trace and exits.
   */
  static final long GONE_CHECK_MILLIS = 5000;

  private final Project project;
  private final Tmux tmux;
  private final AgentRunner runner;
  private final Liveness liveness = new Liveness();
  private final ProjectGone gone;
  private final Map<String, AgentState> states;
  /** Set when the loop starts, on the inbox they ring. */
  private Lifelines lifelines;
  /** The agents whose lifeline ended before the current tick: their deaths say so in the log. */
  private Set<String> told = Set.of();
  /** Where the agents run, as up recorded it; re-read at every up request. */
  private TmuxRecord record;
  private List<AgentSpec> specs;
  private Map<String, Tmux.Pane> panes = Map.of();
  private long lastHeartbeat;
  private long lastList;
  private Instant heartbeat;
  private volatile boolean stopping;
  /**
   * Set once the project folder is found gone: what stands at its path now is not this project's,
   * so the last lines go to the watchdog's own log file, held open as its standard error.
   */
  private volatile boolean left;
  /** Held open for the watchdog's life: closing (or collecting) it would release the lock. */
  private FileChannel lockChannel;

  Watchdog(Project project) {
    this.project = project;
    this.record = TmuxRecord.read(project.stateDir());
    if (record == null) {
      throw new HarnessException("no .ao-state/" + TmuxRecord.FILE + " in " + project.root() + ": the watchdog is started by agents up");
    }
    this.tmux = new Tmux(record.socket());
    this.runner = new AgentRunner(project, tmux);
    this.states = StateStore.read(project.stateJson());
    this.gone = new ProjectGone(project, this::logToOwnFile);
  }

  /** Runs until the process is terminated. */
  void run() throws IOException, InterruptedException {
    project.createDirs();
    specs = AgentsFile.read(project.root());
    // one watchdog per project: the lock dies with its holder, unlike a pid file
    lockChannel = FileChannel.open(project.stateDir().resolve("watchdog.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    if (lockChannel.tryLock() == null) {
      log("another watchdog holds .ao-state/watchdog.lock; pid " + ProcessHandle.current().pid() + " exits");
      lockChannel.close();
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping = true;
      log("watchdog stopping");
    }));
    Project.writeAtomically(project.watchdogPid(), ProcessHandle.current().pid() + "\n");
    log("watchdog started (pid " + ProcessHandle.current().pid() + ", tmux "
        + (tmux.socket() == null ? "default server" : "socket " + tmux.socket()) + ")");
    try (Inbox inbox = new Inbox(project.inbox())) {
      lifelines = new Lifelines(project, inbox::ring);
      for (AgentSpec spec : specs) {
        AgentState s = states.get(spec.name());
        if (s != null && s.up && s.pid > 0) {
          arm(spec.name()); // an agent this engine started holds its lifeline still
        }
      }
      boolean poked = true;
      long lastLook = 0;
      while (!stopping) {
        long now = System.currentTimeMillis();
        boolean toDo = somethingToDo(now);
        boolean work = poked || toDo || now - lastHeartbeat >= HEARTBEAT_MILLIS || now - lastList >= FULL_LIST_MILLIS;
        if (work || now - lastLook >= GONE_CHECK_MILLIS) {
          lastLook = now;
          if (gone.check(record)) {
            left = true;
            return; // never heal an agent outside its project; ProjectGone left the trace
          }
        }
        if (work) {
          try {
            tick(poked, toDo);
          } catch (RuntimeException e) {
            // one failed tmux call or write must not leave the agents without a watchdog
            log("tick failed: " + e.getMessage());
          }
        }
        poked = inbox.await(sleepMillis(System.currentTimeMillis()));
      }
    }
  }

  /** One round of work; {@code toDo} is {@link #somethingToDo} as the loop just found it. */
  private void tick(boolean poked, boolean toDo) {
    long now = System.currentTimeMillis();
    told = lifelines.ended();
    boolean changed = poked && serveRequests(); // requests arrive as inbox events
    boolean heartbeatDue = now - lastHeartbeat >= HEARTBEAT_MILLIS;
    if (changed || poked || toDo || now - lastList >= FULL_LIST_MILLIS) {
      panes = tmux.panes();
      lastList = now;
      changed |= heal(System.currentTimeMillis());
      liveness.retain(states.values().stream().map(s -> s.pid).toList());
    }
    if (changed) {
      StateStore.write(project.stateJson(), states);
    }
    if (changed || heartbeatDue) {
      if (heartbeatDue) {
        lastHeartbeat = now;
        heartbeat = Instant.now();
        rotateLogs();
      }
      writeStatus();
    }
  }

  /** Until the backstop's next look, or less when a delayed restart falls due before it. */
  private long sleepMillis(long now) {
    long sleep = POLL_MILLIS;
    for (AgentSpec spec : specs) {
      AgentState s = states.get(spec.name());
      if (s != null && s.up && s.pid == 0 && spec.watch() == AgentSpec.Watch.HEAL) {
        sleep = Math.min(sleep, Math.max(1, s.nextAttemptAt - now));
      }
    }
    return sleep;
  }

  /** Whether an agent's process vanished or a delayed restart is due, checked without tmux. */
  private boolean somethingToDo(long now) {
    for (AgentSpec spec : specs) {
      AgentState s = states.get(spec.name());
      if (s == null || !s.up) {
        continue;
      }
      if (s.pid > 0 ? !liveness.alive(s.pid) : spec.watch() == AgentSpec.Watch.HEAL && now >= s.nextAttemptAt) {
        return true;
      }
    }
    return false;
  }

  private boolean heal(long now) {
    boolean changed = false;
    for (AgentSpec spec : specs) {
      AgentState s = states.get(spec.name());
      if (s == null || !s.up) {
        continue;
      }
      Tmux.Pane pane = ours(spec.name());
      if (pane != null && pane.running()) {
        if (pane.pid() != s.pid) {
          s.pid = pane.pid();
          s.startedAt = now;
          changed = true;
        }
        if (s.failures > 0 && now - s.startedAt >= AgentState.STABLE_MILLIS) {
          log(spec.name() + " stable for " + AgentState.STABLE_MILLIS / 1000 + "s; back-off reset");
          s.failures = 0;
          changed = true;
        }
        continue;
      }
      long dead = s.pid;
      if (dead > 0) {
        changed = true;
        recordDeath(spec, s, pane, now);
      }
      if (spec.watch() == AgentSpec.Watch.HEAL && now >= s.nextAttemptAt) {
        changed = true;
        restart(spec, s, pane);
      }
      // after the restart, since reading all of /proc is the slow part of a heal; a replacement
      // given the dead one's number is not a leftover
      if (dead > 0 && dead != s.pid) {
        endLeftovers(spec, dead);
      }
    }
    return changed;
  }

  private void recordDeath(AgentSpec spec, AgentState s, Tmux.Pane pane, long now) {
    long ran = now - s.startedAt;
    s.lastExit = pane == null ? null : pane.exit();
    if (s.lastExit == null) {
      s.lastExit = Procs.zombieExit(s.pid);
    }
    if (s.lastExit == null && pane != null) {
      s.lastExit = tmux.exitOf(pane.session());
    }
    s.failures = ran >= AgentState.STABLE_MILLIS ? 1 : s.failures + 1;
    s.pid = 0;
    String how = (pane == null ? "session gone" : "exit " + s.lastExit) + " after " + ran + " ms"
        + (told.contains(spec.name()) ? "; its lifeline told at once" : "");
    if (spec.watch() == AgentSpec.Watch.OFF) {
      log(spec.name() + " died (" + how + "); watch = off, left dead");
      return;
    }
    long delay = AgentState.backoffMillis(s.failures);
    s.nextAttemptAt = now + delay;
    log(spec.name() + " died (" + how + "); restart " + (s.restarts + 1) + " in " + delay + " ms"
        + (s.crashloop() ? "; crashloop: " + s.failures + " quick deaths in a row, last exit " + s.lastExit : ""));
  }

  /**
   * What the dead agent started and that survived the hang-up of its terminal would pile up with
   * every restart: end it. The replacement leads a session of its own, so it is not among them.
   */
  private void endLeftovers(AgentSpec spec, long dead) {
    List<Long> leftovers = Procs.tree(dead);
    leftovers.forEach(p -> Procs.kill(p, false));
    if (!leftovers.isEmpty()) {
      log(spec.name() + ": sent SIGTERM to " + leftovers.size() + " leftover process(es) of the dead agent " + leftovers);
    }
  }

  private void restart(AgentSpec spec, AgentState s, Tmux.Pane pane) {
    try {
      long pid = start(spec, pane);
      s.restarts++;
      s.nextAttemptAt = 0;
      s.pid = pid;
      s.startedAt = System.currentTimeMillis();
      log(spec.name() + " restarted (pid " + pid + ", restarts " + s.restarts + ")");
    } catch (HarnessException e) {
      s.failures++;
      s.nextAttemptAt = System.currentTimeMillis() + AgentState.backoffMillis(s.failures);
      log(spec.name() + ": " + e.getMessage());
    }
  }

  /** Starts {@code spec}'s agent holding its lifeline, and records its process; returns its pid. */
  private long start(AgentSpec spec, Tmux.Pane pane) {
    arm(spec.name());
    long pid = runner.start(spec, pane, record);
    running(spec.name(), pid);
    return pid;
  }

  /** Arms {@code agent}'s lifeline before it starts; one that cannot be armed leaves a line in the log. */
  private void arm(String agent) {
    String problem = lifelines.arm(agent);
    if (problem != null) {
      log(agent + ": no lifeline (" + problem + "); its deaths are seen by the hook and the backstop");
    }
  }

  /** Handles the {@code up} requests left in the inbox: each names the agents to (re)start. */
  private boolean serveRequests() {
    List<Path> requests = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(project.inbox(), "*.req")) {
      dir.forEach(requests::add);
    } catch (IOException e) {
      log("cannot read inbox: " + e.getMessage());
      return false;
    }
    if (requests.isEmpty()) {
      return false;
    }
    panes = tmux.panes();
    for (Path request : requests) {
      StringBuilder reply = new StringBuilder();
      try {
        specs = AgentsFile.read(project.root());
        record = Objects.requireNonNullElse(TmuxRecord.read(project.stateDir()), record);
        for (String name : Files.readAllLines(request)) {
          reply.append(up(name.strip())).append('\n');
        }
      } catch (IOException | HarnessException e) {
        reply.append("error: ").append(e.getMessage()).append('\n');
      }
      Path done = request.resolveSibling(request.getFileName().toString().replace(".req", ".done"));
      Project.writeAtomically(done, reply.toString());
      try {
        Files.deleteIfExists(request);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return true;
  }

  private String up(String name) {
    AgentSpec spec = specs.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    if (spec == null) {
      return name + "\terror: no such agent in " + AgentsFile.NAME;
    }
    AgentState s = states.computeIfAbsent(name, n -> new AgentState());
    s.up = true;
    s.reset();
    Tmux.Pane pane = panes.get(record.sessionOf(name));
    if (record.owns(pane) && pane.running()) {
      s.pid = pane.pid();
      return name + "\talready running (pid " + pane.pid() + ")";
    }
    try {
      s.pid = start(spec, pane);
      s.startedAt = System.currentTimeMillis();
      log(name + " started by up (pid " + s.pid + ")");
      return name + "\tstarted (pid " + s.pid + ")";
    } catch (HarnessException e) {
      log(e.getMessage());
      return name + "\terror: " + e.getMessage();
    }
  }

  /**
   * The agent's pane, when this project owns it. A session of another project under the same name
   * is as good as no session: healing starts the agent in its own (and fails there, loudly).
   */
  private Tmux.Pane ours(String agent) {
    Tmux.Pane pane = panes.get(record.sessionOf(agent));
    return record.owns(pane) ? pane : null;
  }

  /** Records a process just started, so the status written next shows it without asking tmux again. */
  private void running(String agent, long pid) {
    Map<String, Tmux.Pane> now = new java.util.HashMap<>(panes);
    String session = record.sessionOf(agent);
    now.put(session, new Tmux.Pane(session, pid, false, null, record.project()));
    panes = now;
  }

  /** On the heartbeat: agents that run for weeks must not fill the disk with their output. */
  private void rotateLogs() {
    try {
      for (String log : LogRotation.trim(project.logs(), LogRotation.MAX_BYTES)) {
        log("rotated " + log + " (over " + LogRotation.MAX_BYTES + " bytes) to " + log + ".1");
      }
    } catch (IOException e) {
      log("cannot rotate logs: " + e.getMessage());
    }
  }

  private void writeStatus() {
    Status status = Status.compute(record, Status.watches(specs), states, panes, ProcessHandle.current().pid());
    Project.writeAtomically(project.statusJson(), status.fileJson(Instant.now(), heartbeat));
  }

  private void log(String message) {
    if (left) {
      logToOwnFile(message);
      return;
    }
    String line = Instant.now() + " " + message + "\n";
    try {
      Files.writeString(project.watchdogLog(), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.print(line);
    }
  }

  /** To standard error, which {@code up} opened on the project's watchdog.log: it follows the folder wherever it went. */
  private void logToOwnFile(String message) {
    System.err.print(Instant.now() + " " + message + "\n");
  }
}
