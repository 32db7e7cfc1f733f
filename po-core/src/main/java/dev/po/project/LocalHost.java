package dev.po.project;

import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import dev.po.fleet.Problem;
import dev.po.fleet.ProjectEntry;
import dev.po.fleet.Registry;
import dev.po.git.Parallel;
import dev.po.process.Exec;
import dev.po.process.ExecResult;
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
final class LocalHost implements Host {
  private final Fleet fleet;

  /** The harness variable by which a launcher knows the program that ran it. */
  static final String CALLER_PID = "AO_CALLER_PID";

  LocalHost(Fleet fleet) {
    this.fleet = fleet;
  }

  @Override
  public List<ProjectStatus> status(List<ProjectEntry> projects) {
    return StatusReader.read(fleet, projects);
  }

  @Override
  public List<LaunchResult> launchAll(Lifecycle lifecycle, String verb, List<Wire.Item> items, boolean parallel,
      Consumer<LaunchResult> onEach) {
    Function<Wire.Item, LaunchResult> each = i -> {
      LaunchResult r = LaunchCommand.run(verb, new Project(lifecycle, fleet, i.entry()), i.force());
      onEach.accept(r);
      return r;
    };
    return parallel ? Parallel.map(items, each) : items.stream().map(each).toList();
  }

  @Override
  public LaunchResult launch(Project project, String verb, boolean force) {
    Path root = project.root();
    List<String> argv = launcher(project);
    argv.add(verb.equals(LaunchCommand.START) ? "up" : "down");
    Lifecycle lifecycle = project.lifecycle();
    // Names this po to the harness: if it is killed while the launcher is still starting (its first
    // build alone takes a while), the verb does nothing rather than act after the next command.
    Map<String, String> env = new LinkedHashMap<>(lifecycle.environment());
    env.put(CALLER_PID, Long.toString(ProcessHandle.current().pid()));
    ExecResult r = Exec.of(argv).in(root).env(env).timeout(lifecycle.timeout()).run();
    if (!r.succeeded()) {
      throw new LaunchException(
          "project " + project.name() + ": " + r.describe(), argv, root, r.exitValue(), r.output());
    }
    String done = verb.equals(LaunchCommand.START) ? "started" : "stopped";
    return new LaunchResult(project.name(), verb, LaunchResult.Outcome.DONE, done, r.output(), r.took());
  }

  /**
   * Only a project whose harness never ran here (no {@code .ao-state/}) or says it is stopped is
   * left alone; an unreadable state may run.
   */
  @Override
  public boolean mayRun(Project project) {
    return Files.isDirectory(project.root().resolve(".ao-state")) && state(project) != HarnessState.STOPPED;
  }

  @Override
  public HarnessStatus harnessStatus(Project project) {
    return HarnessStates.read(project.root());
  }

  @Override
  public HarnessState state(Project project) {
    return HarnessStates.of(project.root());
  }

  @Override
  public UpdateResult update(UpdateCommand update) {
    return update.pinHere();
  }

  @Override
  public CreateResult create(CreateCommand create, Fleet given, Harness harness) {
    return create.createHere(given, harness);
  }

  @Override
  public List<LogLine> logs(LogsCommand logs) {
    return logs.readHere();
  }

  @Override
  public void follow(LogsCommand logs, Consumer<LogLine> sink) {
    logs.followHere(sink, () -> {});
  }

  @Override
  public void attach(Project project, String agent) {
    Attach.run(project, agent);
  }

  /** {@link Registry#validate()} checks this machine's projects itself. */
  @Override
  public List<Problem> check(Registry registry, List<ProjectEntry> projects) {
    return List.of();
  }

  /** The harness launcher's argv, checked to exist in the project's folder; add the verb. */
  static List<String> launcher(Project project) {
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
