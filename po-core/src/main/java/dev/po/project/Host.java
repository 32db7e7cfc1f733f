package dev.po.project;

import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import dev.po.fleet.Problem;
import dev.po.fleet.ProjectEntry;
import dev.po.fleet.Registry;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where projects live: this machine ({@link LocalHost}) or another one reached over ssh
 * ({@link SshHost}). Each operation is a whole one (a launch, a pin move with its restore, a
 * create, a read of logs, an attachment), never a process or a git call, so that a project asks
 * its host and no command cares where that is. {@link Hosts#of} gives a project's host.
 */
interface Host {
  /** The status of {@code projects}, all of this host, in their order; never throws for the host. */
  List<ProjectStatus> status(List<ProjectEntry> projects);

  /**
   * Starts or stops each of {@code items}, all of this host, and returns their results in the same
   * order; a failure is a result. {@code onEach} is told of each result as soon as it is known.
   */
  List<LaunchResult> launchAll(Lifecycle lifecycle, String verb, List<Wire.Item> items, boolean parallel,
      Consumer<LaunchResult> onEach);

  /** Starts or stops one project; throws {@link LaunchException} when its launcher fails. */
  LaunchResult launch(Project project, String verb, boolean force);

  /**
   * Whether a disabled project may have agents running, so that {@code stop --all} stops it too;
   * a host that cannot tell cheaply says yes, since {@code down} is harmless where nothing runs.
   */
  boolean mayRun(Project project);

  /** The project's harness status with each agent's detail; starts no process of the project's. */
  HarnessStatus harnessStatus(Project project);

  /** The project's harness state; {@link HarnessState#UNREACHABLE} when its host cannot say. */
  HarnessState state(Project project);

  /** Moves the project's pin and records the ref; all or nothing (see {@link UpdateCommand}). */
  UpdateResult update(UpdateCommand update);

  /** Makes the project {@code create} describes, with harness {@code harness} of {@code fleet}. */
  CreateResult create(CreateCommand create, Fleet fleet, Harness harness);

  /** The last lines of the logs {@code logs} chooses. */
  List<LogLine> logs(LogsCommand logs);

  /** The last lines of the logs {@code logs} chooses, then the new ones, until interrupted. */
  void follow(LogsCommand logs, Consumer<LogLine> sink);

  /** Attaches this process's terminal to the agent's session until the operator detaches. */
  void attach(Project project, String agent);

  /** validate's checks of {@code projects} made where they live, placed at their keys in {@code registry}. */
  List<Problem> check(Registry registry, List<ProjectEntry> projects);
}
