package dev.po.local;

import dev.po.PoException;
import dev.po.fleet.Fleet;
import dev.po.fleet.Problem;
import dev.po.fleet.ProjectEntry;
import dev.po.fleet.Registry;
import dev.po.git.EngineReader;
import dev.po.git.Inspection;
import dev.po.host.CreateRequest;
import dev.po.host.Held;
import dev.po.host.Host;
import dev.po.host.LaunchItem;
import dev.po.host.LogsRequest;
import dev.po.host.Settings;
import dev.po.host.Target;
import dev.po.host.UpdateRequest;
import dev.po.process.Exec;
import dev.po.process.ExecResult;
import dev.po.process.Parallel;
import dev.po.project.CreateResult;
import dev.po.project.HarnessState;
import dev.po.project.HarnessStatus;
import dev.po.project.LaunchException;
import dev.po.project.LaunchResult;
import dev.po.project.LogLine;
import dev.po.project.ProjectException;
import dev.po.project.ProjectStatus;
import dev.po.project.UpdateResult;
import dev.po.project.Verb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * This machine: projects reached directly, their files read in process, their launchers run as
 * child processes. The po on another host serves its projects with this same class.
 */
public final class LocalHost implements Host {
  private final Fleet fleet;

  /** The harness variable by which a launcher knows the program that ran it. */
  static final String CALLER_PID = "AO_CALLER_PID";

  public LocalHost(Fleet fleet) {
    this.fleet = fleet;
  }

  @Override
  public List<ProjectStatus> status(List<ProjectEntry> projects) {
    return StatusReader.read(fleet, projects);
  }

  @Override
  public List<LaunchResult> launchAll(Verb verb, List<LaunchItem> items, Settings settings, boolean parallel,
      Consumer<LaunchResult> onEach) {
    Function<LaunchItem, LaunchResult> each = i -> {
      LaunchResult r = launchOrFail(new Target(fleet, i.entry(), settings), verb);
      onEach.accept(r);
      return r;
    };
    return parallel ? Parallel.map(items, each) : items.stream().map(each).toList();
  }

  /** Runs one project's launcher; a failure is a result, not an exception. */
  private LaunchResult launchOrFail(Target t, Verb verb) {
    try {
      return launch(t, verb);
    } catch (LaunchException e) {
      return new LaunchResult(t.name(), verb, LaunchResult.Outcome.FAILED, e.getMessage(), e.output(), null);
    } catch (PoException e) {
      return LaunchResult.failed(t.name(), verb, e.getMessage());
    }
  }

  @Override
  public LaunchResult launch(Target project, Verb verb) {
    Path root = project.root();
    List<String> argv = launcher(project);
    argv.add(verb.launcherVerb());
    // Names this po to the harness: if it is killed while the launcher is still starting (its first
    // build alone takes a while), the verb does nothing rather than act after the next command.
    Map<String, String> env = new LinkedHashMap<>(project.settings().environment());
    env.put(CALLER_PID, Long.toString(ProcessHandle.current().pid()));
    ExecResult r = Exec.of(argv).in(root).env(env).timeout(project.settings().timeout()).run();
    if (!r.succeeded()) {
      throw new LaunchException(
          "project " + project.name() + ": " + r.describe(), argv, root, r.exitValue(), r.output());
    }
    return new LaunchResult(project.name(), verb, LaunchResult.Outcome.DONE, verb.done(), r.output(), r.took());
  }

  /**
   * Only a project whose harness never ran here (no {@code .ao-state/}) or says it is stopped is
   * left alone; an unreadable state may run.
   */
  @Override
  public boolean mayRun(Target project) {
    return Files.isDirectory(project.root().resolve(".ao-state")) && state(project) != HarnessState.STOPPED;
  }

  @Override
  public HarnessStatus harnessStatus(Target project) {
    return HarnessStates.read(project.root());
  }

  @Override
  public HarnessState state(Target project) {
    return HarnessStates.of(project.root());
  }

  @Override
  public UpdateResult update(UpdateRequest update) {
    return LocalUpdate.call(this, update);
  }

  @Override
  public CreateResult create(CreateRequest create) {
    return LocalCreate.call(create);
  }

  @Override
  public List<LogLine> logs(LogsRequest logs) {
    return LocalLogs.read(this, logs);
  }

  @Override
  public void follow(LogsRequest logs, Consumer<LogLine> sink, Runnable ready) {
    LocalLogs.follow(this, logs, sink, ready);
  }

  @Override
  public void attach(Target project, String agent) {
    Attach.run(this, project, agent);
  }

  /** {@link Registry#validate()} checks this machine's projects itself. */
  @Override
  public List<Problem> check(Registry registry, List<ProjectEntry> projects) {
    return List.of();
  }

  @Override
  public void refuseUnregistrable(Target project) {
    Inspection found = new EngineReader().inspect(project.root());
    if (found.kind() == Inspection.Kind.MISSING || found.kind() == Inspection.Kind.NOT_A_REPOSITORY) {
      throw new ProjectException(
          "cannot register: " + found.problem() + " (register an existing project; po create makes a new one)");
    }
  }

  @Override
  public Held hold(Target project, String what) {
    return ProjectLock.take(project.name(), project.root(), what);
  }

  /** The harness launcher's argv, checked to exist in the project's folder; add the verb. */
  static List<String> launcher(Target project) {
    Path root = project.root();
    String name = project.name();
    if (!Files.isDirectory(root)) {
      throw new ProjectException("project " + name + ": location " + root + " is not a folder");
    }
    List<String> argv = new ArrayList<>(project.harness().launcher());
    String program = argv.get(0);
    Path launcher = root.resolve(program);
    if (program.contains("/") && !Files.exists(launcher)) {
      throw new ProjectException(
          "project " + name + ": no launcher " + launcher + " (is engine/ checked out? git submodule update --init)");
    }
    if (program.contains("/") && (Files.isDirectory(launcher) || !Files.isExecutable(launcher))) {
      throw new ProjectException(
          "project " + name + ": the launcher " + launcher
              + (Files.isDirectory(launcher) ? " is a folder, not a file" : " is not executable (chmod +x " + launcher + ")"));
    }
    return argv;
  }
}
