package dev.agentorchestrator;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

  /**
   * JVM flags of the watchdog, chosen to keep it small for weeks (about 41 MB resident); the class
   * data sharing archive is left out because its mapping costs more resident memory than the few
   * classes it would share. AO_WATCHDOG_JAVA_OPTS replaces them.
   */
  static final List<String> WATCHDOG_JVM = List.of(
      "-Xms4m", "-Xmx16m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
      "-XX:MaxMetaspaceSize=32m", "-XX:ReservedCodeCacheSize=8m", "-XX:MaxDirectMemorySize=4m", "-XX:-UsePerfData",
      "-Xshare:off");

  private static final long REQUEST_TIMEOUT_MILLIS = 30_000;

  private final Project project;
  private final Tmux tmux;

  private Harness(Project project, Tmux tmux) {
    this.project = project;
    this.tmux = tmux;
  }

  /** The harness of the project at {@code root}, using the tmux server named by AO_TMUX_SOCKET. */
  static Harness open(Path root) {
    return new Harness(new Project(root), Tmux.fromEnvironment());
  }

  Project project() {
    return project;
  }

  /** Starts the named agents (all when empty) that are not running, and the watchdog; returns one line per agent. */
  List<String> up(List<String> names) {
    List<AgentSpec> specs = AgentsFile.read(project.root());
    List<String> targets = select(specs.stream().map(AgentSpec::name).collect(Collectors.toList()), names);
    StartCheck.requirePrograms(project.root(), specs.stream().filter(a -> targets.contains(a.name())).collect(Collectors.toList()),
        System.getenv("PATH"));
    project.createDirs();
    return locked(() -> upLocked(targets));
  }

  private List<String> upLocked(List<String> targets) {
    if (watchdogPid() == null) {
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
    Map<String, AgentState> states = StateStore.read(project.stateJson());
    List<AgentSpec> specs = null;
    Set<String> known = new LinkedHashSet<>();
    try {
      specs = AgentsFile.read(project.root());
      specs.forEach(a -> known.add(a.name()));
    } catch (HarnessException e) {
      // a broken agents.toml must not keep running agents from being stopped
      if (names.isEmpty() && states.isEmpty()) {
        throw e;
      }
    }
    known.addAll(states.keySet());
    List<String> targets = select(new ArrayList<>(known), names);
    List<AgentSpec> config = specs;
    return Files.isDirectory(project.stateDir()) ? locked(() -> downLocked(config, targets)) : downLocked(config, targets);
  }

  private List<String> downLocked(List<AgentSpec> specs, List<String> targets) {
    stopWatchdog();
    Map<String, AgentState> states = StateStore.read(project.stateJson()); // as the watchdog left it
    Map<String, Tmux.Pane> panes = tmux.panes();
    AgentRunner runner = new AgentRunner(project, tmux);
    List<String> lines = new ArrayList<>();
    for (String name : targets) {
      Tmux.Pane pane = panes.get(project.session(name));
      runner.stop(name, pane);
      AgentState s = states.get(name);
      if (s != null) {
        s.up = false;
        s.pid = 0;
        s.nextAttemptAt = 0;
      }
      lines.add(name + (pane == null ? " not running" : " stopped"));
    }
    if (Files.isDirectory(project.stateDir())) {
      StateStore.write(project.stateJson(), states);
      boolean remaining = specs != null && states.entrySet().stream().anyMatch(e -> e.getValue().up && !targets.contains(e.getKey()));
      if (remaining) {
        startWatchdog();
      } else if (specs != null) {
        Status status = Status.compute(project, specs, states, tmux.panes(), null);
        Project.writeAtomically(project.statusJson(), status.fileJson(Instant.now(), Status.heartbeatOf(project.statusJson())));
      }
    }
    return lines;
  }

  /** Runs {@code action} holding {@code .ao-state/harness.lock}, so that concurrent ups and downs take turns. */
  private <T> T locked(java.util.function.Supplier<T> action) {
    Path lock = project.stateDir().resolve("harness.lock");
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      return action.get();
    } catch (IOException e) {
      throw new HarnessException("cannot lock " + lock + ": " + e.getMessage());
    }
  }

  /** The current state, read live from tmux and /proc (the watchdog need not run). */
  Status status() {
    List<AgentSpec> specs = AgentsFile.read(project.root());
    return Status.compute(project, specs, StateStore.read(project.stateJson()), tmux.panes(), watchdogPid());
  }

  /** The agent's tmux session name, after checking the agent exists. */
  String session(String agent) {
    List<AgentSpec> specs = AgentsFile.read(project.root());
    select(specs.stream().map(AgentSpec::name).collect(Collectors.toList()), List.of(agent));
    return project.session(agent);
  }

  Tmux tmux() {
    return tmux;
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
    // a recycled pid must not pass for our watchdog: check what it runs and for which root
    String cmdline = Procs.cmdline(pid);
    boolean ours = Procs.alive(pid) && cmdline.contains("\0watchdog\0" + project.root() + "\0");
    return ours ? pid : null;
  }

  private void startWatchdog() {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> argv = new ArrayList<>(List.of("setsid", java));
    String opts = System.getenv("AO_WATCHDOG_JAVA_OPTS");
    argv.addAll(opts == null || opts.isBlank() ? WATCHDOG_JVM : List.of(opts.trim().split("\\s+")));
    argv.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "watchdog", project.root().toString()));
    try {
      Files.deleteIfExists(project.watchdogPid());
      File log = project.watchdogLog().toFile();
      Process p = new ProcessBuilder(argv)
          .directory(project.root().toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
          .redirectError(ProcessBuilder.Redirect.appendTo(log))
          .start();
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
