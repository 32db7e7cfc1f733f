package dev.po.project;

import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import dev.po.fleet.ProjectEntry;
import dev.po.process.Exec;
import dev.po.process.ExecResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A handle on one registered project: start, stop, inspect and update it. The handle holds the
 * registry entry as it was read; get a new one after changing the registry.
 *
 * <pre>{@code
 * Project p = po.project("my-project");
 * p.start();
 * HarnessState s = p.state();
 * p.update("v0.2.0").setRestart(true).call();
 * p.stop();
 * }</pre>
 */
public final class Project {
  private final Lifecycle lifecycle;
  private final Fleet fleet;
  private final ProjectEntry entry;

  Project(Lifecycle lifecycle, Fleet fleet, ProjectEntry entry) {
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    this.fleet = Objects.requireNonNull(fleet, "fleet");
    this.entry = Objects.requireNonNull(entry, "entry");
  }

  public String name() {
    return entry.name();
  }

  /** The registry entry this handle was made from. */
  public ProjectEntry entry() {
    return entry;
  }

  public boolean enabled() {
    return entry.enabled();
  }

  /** The project's folder: its location resolved against the registry's folder. */
  public Path root() {
    return fleet.pathOf(entry);
  }

  /** The harness the project uses; throws {@link ProjectException} when none is declared. */
  public Harness harness() {
    return fleet.harnessOf(entry)
        .orElseThrow(
            () ->
                new ProjectException(
                    "project "
                        + name()
                        + ": harness '"
                        + fleet.harnessNameOf(entry).orElse("")
                        + "' is not declared in the fleet registry"));
  }

  /**
   * What the project's harness is doing, read from its status file; starts no process here (a
   * project on another host is asked over ssh).
   */
  public HarnessState state() {
    return entry.remote() ? Hosts.status(fleet, List.of(entry)).get(0).state() : HarnessStates.of(root());
  }

  /** The harness status with each agent's pid, state and restarts; starts no process. */
  public HarnessStatus harnessStatus() {
    if (entry.remote()) {
      throw new ProjectException("project " + name() + " is on host " + entry.host()
          + ": its agents are listed by po fleet status there");
    }
    return HarnessStates.read(root());
  }

  /** Starts reading the agents' logs; {@link LogsCommand#call()} gives their last lines. */
  public LogsCommand logs() {
    requireLocal("logs", "logs AGENT");
    return new LogsCommand(this);
  }

  /**
   * Attaches this process's terminal to a running agent's tmux session through the harness
   * launcher's {@code attach} (on the harness's tmux socket) and returns when the operator
   * detaches. {@code agent} may be {@code null} when the project has one agent. Refused, in one
   * line, without a terminal, for an agent the harness does not know and for one not running.
   */
  public void attach(String agent) {
    requireLocal("attach", "attach AGENT");
    Attach.run(this, agent);
  }

  /** Logs and attach read this machine's files and terminal; a project elsewhere says so plainly. */
  private void requireLocal(String verb, String harnessVerb) {
    if (entry.remote()) {
      throw new ProjectException("project " + name() + " is on host " + entry.host() + ": po " + verb
          + " does not reach other hosts yet; on that host, run 'engine/agents " + harnessVerb + "' in "
          + entry.location());
    }
  }

  /** Runs the harness launcher's {@code up}; refuses a disabled project. */
  public LaunchResult start() {
    return start(false);
  }

  /** Runs the harness launcher's {@code up}; {@code force} starts a disabled project too. */
  public LaunchResult start(boolean force) {
    if (!entry.enabled() && !force) {
      throw new ProjectException("project " + name() + " is disabled; start it with --force");
    }
    return entry.remote() ? remote(LaunchCommand.START, force) : launch(LaunchCommand.START);
  }

  /** Runs the harness launcher's {@code down}. */
  public LaunchResult stop() {
    return entry.remote() ? remote(LaunchCommand.STOP, false) : launch(LaunchCommand.STOP);
  }

  /** The same launch, run by the project's host; a failure there throws as it would here. */
  private LaunchResult remote(String verb, boolean force) {
    LaunchResult r = Hosts.launch(lifecycle, fleet, verb, List.of(new Wire.Item(entry, force))).get(0);
    if (r.failed()) {
      throw new LaunchException(r.message(), List.of(), root(), -1, r.output());
    }
    return r;
  }

  /** Starts moving the project's engine pin to {@code ref}; {@link UpdateCommand#call()} does it. */
  public UpdateCommand update(String ref) {
    return new UpdateCommand(lifecycle, this, ref);
  }

  /**
   * Holds this project for a command that changes it ({@code what}, e.g. {@code update alpha
   * v0.2.0}) until the lock is closed; refuses with {@link ProjectBusyException} while another
   * command holds it. Every command that changes a project takes this first.
   */
  ProjectLock hold(String what) {
    return ProjectLock.take(name(), root(), what);
  }

  Lifecycle lifecycle() {
    return lifecycle;
  }

  Fleet fleet() {
    return fleet;
  }

  /** The harness variable by which a launcher knows the program that ran it. */
  static final String CALLER_PID = "AO_CALLER_PID";

  LaunchResult launch(String verb) {
    Path root = root();
    List<String> argv = launcher();
    argv.add(verb.equals(LaunchCommand.START) ? "up" : "down");
    // Names this po to the harness: if it is killed while the launcher is still starting (its first
    // build alone takes a while), the verb does nothing rather than act after the next command.
    Map<String, String> env = new LinkedHashMap<>(lifecycle.environment());
    env.put(CALLER_PID, Long.toString(ProcessHandle.current().pid()));
    ExecResult r = Exec.of(argv).in(root).env(env).timeout(lifecycle.timeout()).run();
    if (!r.succeeded()) {
      throw new LaunchException(
          "project " + name() + ": " + r.describe(), argv, root, r.exitValue(), r.output());
    }
    String done = verb.equals(LaunchCommand.START) ? "started" : "stopped";
    return new LaunchResult(name(), verb, LaunchResult.Outcome.DONE, done, r.output(), r.took());
  }

  /** The harness launcher's argv, checked to exist in the project's folder; add the verb. */
  List<String> launcher() {
    Path root = root();
    if (!Files.isDirectory(root)) {
      throw new ProjectException("project " + name() + ": location " + root + " is not a folder");
    }
    List<String> argv = new ArrayList<>(harness().launcher());
    String program = argv.get(0);
    Path launcher = root.resolve(program);
    if (program.contains("/") && !Files.exists(launcher)) {
      throw new ProjectException(
          "project " + name() + ": no launcher " + launcher + " (is engine/ checked out? git submodule update --init)");
    }
    if (program.contains("/") && (Files.isDirectory(launcher) || !Files.isExecutable(launcher))) {
      throw new ProjectException(
          "project " + name() + ": the launcher " + launcher
              + (Files.isDirectory(launcher) ? " is a folder, not a file" : " is not executable (chmod +x " + launcher + ")"));
    }
    return argv;
  }

  @Override
  public String toString() {
    return "Project[" + name() + " at " + root() + "]";
  }
}
