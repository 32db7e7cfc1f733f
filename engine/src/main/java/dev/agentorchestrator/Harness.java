package dev.agentorchestrator;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operations behind the verbs, for one project root.
 *
 * <pre>
 * Harness h = Harness.open(Path.of("."));
 * h.up(List.of());            // every agent of agents.toml, plus the watchdog
 * System.out.print(h.status().table());
 * h.down(List.of());
 * </pre>
 */
final class Harness {

  private static final long REQUEST_TIMEOUT_MILLIS = 30_000;

  private final Project project;
  private final Placement placement;
  private String configError;

  private Harness(Project project, Placement placement) {
    this.project = project;
    this.placement = placement;
  }

  /** The harness of the project at {@code root}; its tmux server is the recorded one, else AO_TMUX_SOCKET's. */
  static Harness open(Path root) {
    Project project = new Project(root);
    return new Harness(project, Placement.of(project, System.getenv("AO_TMUX_SOCKET")));
  }

  Project project() {
    return project;
  }

  /** What the last verb wants the operator to know, besides its result: a socket mismatch, a move. */
  List<String> notes() {
    return placement.notes();
  }

  /** Why agents.toml could not be read by {@code status} or {@code down}, which went on without it; or null. */
  String configError() {
    return configError;
  }

  /** Starts the named agents (all when empty) that are not running, and the watchdog; returns one line per agent. */
  List<String> up(List<String> names) {
    List<AgentSpec> specs = AgentsFile.read(project.root());
    List<String> targets = select(specs.stream().map(AgentSpec::name).collect(Collectors.toList()), names);
    StartCheck.requirePrograms(project.root(), specs.stream().filter(a -> targets.contains(a.name())).collect(Collectors.toList()),
        System.getenv("PATH"));
    project.createDirs();
    return project.locked(() -> upLocked(specs, targets));
  }

  private List<String> upLocked(List<AgentSpec> specs, List<String> targets) {
    TmuxRecord r = placement.forUp(() -> watchdogPid() != null);
    for (AgentSpec a : specs) {
      if (targets.contains(a.name())) {
        r = r.withAgent(a.name(), r.sessionOf(a.name()), a.watch());
      }
    }
    r.write(project.stateDir());
    Long running = watchdogPid();
    if (running != null && !startedHere(running)) {
      // the watchdog of this folder before it was moved: it exits once it notices the move, which
      // may be while it holds this up's request; this up takes over from it now instead
      stopWatchdog();
      running = null;
    }
    if (running == null) {
      startWatchdog();
    }
    Path request = project.inbox().resolve("up-" + System.nanoTime() + "-" + ProcessHandle.current().pid() + ".req");
    Path tmp = project.stateDir().resolve(request.getFileName() + ".tmp");
    Path done = project.inbox().resolve(request.getFileName().toString().replace(".req", ".done"));
    try {
      Files.write(tmp, targets);
      Files.move(tmp, request);
    } catch (IOException e) {
      throw new HarnessException("cannot write " + request + ": " + e.getMessage());
    }
    long deadline = System.currentTimeMillis() + REQUEST_TIMEOUT_MILLIS;
    while (!Files.exists(done)) {
      if (watchdogPid() == null) {
        throw new HarnessException("the watchdog died; see " + project.watchdogLog());
      }
      if (System.currentTimeMillis() > deadline) {
        throw new HarnessException("the watchdog did not answer within " + REQUEST_TIMEOUT_MILLIS / 1000 + "s; see " + project.watchdogLog());
      }
      Procs.sleep(20);
    }
    try {
      List<String> reply = Files.readAllLines(done);
      Files.delete(done);
      List<String> lines = reply.stream().map(l -> l.replace('\t', ' ')).collect(Collectors.toList());
      List<String> errors = lines.stream().filter(l -> l.contains("error:")).collect(Collectors.toList());
      if (!errors.isEmpty()) {
        throw new HarnessException(String.join("; ", errors));
      }
      return lines;
    } catch (IOException e) {
      throw new HarnessException("cannot read " + done + ": " + e.getMessage());
    }
  }

  /** Stops the watchdog, then the named agents (all when empty); restarts the watchdog if agents remain up. */
  List<String> down(List<String> names) {
    Map<String, AgentState> states = placement.states();
    List<AgentSpec> specs = null;
    Set<String> known = new LinkedHashSet<>();
    try {
      specs = AgentsFile.read(project.root());
      specs.forEach(a -> known.add(a.name()));
    } catch (HarnessException e) {
      // a broken agents.toml must not keep running agents from being stopped
      if (names.isEmpty() && states.isEmpty() && placement.recorded() == null) {
        throw e;
      }
      configError = e.getMessage();
    }
    known.addAll(states.keySet());
    if (placement.recorded() != null) {
      known.addAll(placement.recorded().agents().keySet());
    }
    List<String> targets = select(new ArrayList<>(known), names);
    List<AgentSpec> config = specs;
    return Files.isDirectory(project.stateDir()) ? project.locked(() -> downLocked(config, targets)) : downLocked(config, targets);
  }

  private List<String> downLocked(List<AgentSpec> specs, List<String> targets) {
    TmuxRecord r = placement.record();
    placement.noteRecordedPlace(r);
    stopWatchdog();
    Map<String, AgentState> states = placement.states(); // as the watchdog left it
    Tmux tmux = placement.tmux();
    Map<String, Tmux.Pane> panes = tmux.panes();
    AgentRunner runner = new AgentRunner(project, tmux);
    List<String> lines = new ArrayList<>();
    for (String name : targets) {
      Tmux.Pane pane = panes.get(r.sessionOf(name));
      if (pane != null && !r.owns(pane)) {
        lines.add(name + " not running (tmux session " + pane.session() + " belongs to another project; left alone)");
      } else {
        runner.stop(name, pane);
        lines.add(name + (pane == null ? " not running" : " stopped"));
      }
      AgentState s = states.get(name);
      if (s != null) {
        s.up = false;
        s.pid = 0;
        s.nextAttemptAt = 0;
      }
    }
    if (Files.isDirectory(project.stateDir())) {
      StateStore.write(project.stateJson(), states);
      boolean remaining = states.entrySet().stream().anyMatch(e -> e.getValue().up && !targets.contains(e.getKey()));
      if (remaining && specs != null) {
        startWatchdog();
      } else {
        // what down leaves must be true even without a readable agents.toml: po reads it
        Map<String, AgentSpec.Watch> agents = specs != null ? Status.watches(specs) : Placement.recordedWatches(r, states);
        Status status = Status.compute(r, agents, states, tmux.panes(), null);
        Project.writeAtomically(project.statusJson(), status.fileJson(Instant.now(), Status.heartbeatOf(project.statusJson())));
      }
    }
    return lines;
  }

  /**
   * The current state, read live from tmux and /proc (the watchdog need not run). With a broken
   * agents.toml it reports the recorded agents and keeps the problem in {@link #configError()}.
   */
  Status status() {
    TmuxRecord r = placement.record();
    placement.noteRecordedPlace(r);
    Map<String, AgentState> states = placement.states();
    Map<String, AgentSpec.Watch> agents;
    try {
      agents = Status.watches(AgentsFile.read(project.root()));
    } catch (HarnessException e) {
      if (placement.recorded() == null && states.isEmpty()) {
        throw e;
      }
      configError = e.getMessage();
      agents = Placement.recordedWatches(r, states);
    }
    return Status.compute(r, agents, states, placement.tmux().panes(), watchdogPid());
  }

  /** The agent's recorded tmux session, after checking the agent exists (in agents.toml, or in the record). */
  String session(String agent) {
    List<String> known;
    try {
      known = AgentsFile.read(project.root()).stream().map(AgentSpec::name).collect(Collectors.toList());
    } catch (HarnessException e) {
      if (placement.recorded() == null || !placement.recorded().agents().containsKey(agent)) {
        throw e;
      }
      known = List.of(agent);
    }
    select(known, List.of(agent));
    TmuxRecord r = placement.record();
    placement.noteRecordedPlace(r);
    return r.sessionOf(agent);
  }

  /** The tmux server this project's agents run on: the recorded one. */
  Tmux tmux() {
    return placement.tmux();
  }

  /** The pid of this project's watchdog, or null when none runs. */
  Long watchdogPid() {
    long pid;
    try {
      pid = Long.parseLong(Files.readString(project.watchdogPid()).strip());
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | NumberFormatException e) {
      return null;
    }
    // a recycled pid must not pass for our watchdog: check what it runs, and where. Its working
    // folder is the project root and follows the folder when it is moved; a zombie is not alive.
    boolean ours = Procs.alive(pid) && Procs.cmdline(pid).contains("\0watchdog\0") && isRoot(Procs.cwd(pid));
    return ours ? pid : null;
  }

  /** Whether the watchdog {@code pid} was started for this folder where it is now (its last argument). */
  private boolean startedHere(long pid) {
    String[] argv = Procs.cmdline(pid).split("\0");
    return argv.length > 0 && argv[argv.length - 1].equals(project.root().toString());
  }

  private boolean isRoot(Path dir) {
    try {
      return dir != null && (dir.equals(project.root()) || Files.isSameFile(dir, project.root()));
    } catch (IOException e) {
      return false;
    }
  }

  private void startWatchdog() {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> argv = new ArrayList<>(List.of("setsid", java));
    argv.addAll(WatchdogJvm.options(System.getenv("AO_WATCHDOG_JAVA_OPTS"), System.getProperty("java.class.path")));
    argv.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "watchdog", project.root().toString()));
    try {
      Files.deleteIfExists(project.watchdogPid());
      File log = project.watchdogLog().toFile();
      ProcessBuilder pb = new ProcessBuilder(argv)
          .directory(project.root().toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
          .redirectError(ProcessBuilder.Redirect.appendTo(log));
      Caller.forget(pb);
      Process p = pb.start();
      long deadline = System.currentTimeMillis() + 20_000;
      while (watchdogPid() == null) {
        if (!p.isAlive() || System.currentTimeMillis() > deadline) {
          throw new HarnessException("the watchdog did not start; see " + project.watchdogLog());
        }
        Procs.sleep(20);
      }
    } catch (IOException e) {
      throw new HarnessException("cannot start the watchdog: " + e.getMessage());
    }
  }

  private void stopWatchdog() {
    Long pid = watchdogPid();
    if (pid != null) {
      Procs.kill(pid, false);
      if (!Procs.awaitGone(List.of(pid), 5000).isEmpty()) {
        Procs.kill(pid, true);
        if (!Procs.awaitGone(List.of(pid), 2000).isEmpty()) {
          throw new HarnessException("the watchdog (pid " + pid + ") survived SIGKILL");
        }
      }
    }
    try {
      Files.deleteIfExists(project.watchdogPid());
    } catch (IOException e) {
      throw new HarnessException("cannot remove " + project.watchdogPid() + ": " + e.getMessage());
    }
  }

  private static List<String> select(List<String> known, List<String> names) {
    if (names.isEmpty()) {
      return known;
    }
    for (String name : names) {
      if (!known.contains(name)) {
        throw new HarnessException("no agent '" + name + "' in " + AgentsFile.NAME + " (agents: " + String.join(", ", known) + ")");
      }
    }
    return List.copyOf(new LinkedHashSet<>(names));
  }
}
