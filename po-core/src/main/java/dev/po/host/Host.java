package dev.po.host;

import dev.po.fleet.Problem;
import dev.po.fleet.ProjectEntry;
import dev.po.fleet.Registry;
import dev.po.project.CreateResult;
import dev.po.project.HarnessState;
import dev.po.project.HarnessStatus;
import dev.po.project.LaunchResult;
import dev.po.project.LogLine;
import dev.po.project.ProjectStatus;
import dev.po.project.UpdateResult;
import dev.po.project.Verb;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where projects live: this machine or another one reached over ssh. Each operation is a whole one
 * (a launch, a pin move with its restore, a create, a read of logs, an attachment), never a
 * process or a git call, so that a project asks its host and no command cares where that is.
 * {@link Hosts#of} gives a project's host.
 */
public interface Host {
  /** The status of {@code projects}, all of this host, in their order; never throws for the host. */
  List<ProjectStatus> status(List<ProjectEntry> projects);

  /**
   * Starts or stops each of {@code items}, all of this host, and returns their results in the same
   * order; a failure is a result. {@code onEach} is told of each result as soon as it is known.
   */
  List<LaunchResult> launchAll(Verb verb, List<LaunchItem> items, Settings settings, boolean parallel,
      Consumer<LaunchResult> onEach);

  /** Starts or stops one project; throws {@link dev.po.project.LaunchException} when its launcher fails. */
  LaunchResult launch(Target target, Verb verb);

  /**
   * Whether a disabled project may have agents running, so that {@code stop --all} stops it too;
   * a host that cannot tell cheaply says yes, since {@code down} is harmless where nothing runs.
   */
  boolean mayRun(Target target);

  /** The project's harness status with each agent's detail; starts no process of the project's. */
  HarnessStatus harnessStatus(Target target);

  /** The project's harness state; {@link HarnessState#UNREACHABLE} when its host cannot say. */
  HarnessState state(Target target);

  /** Moves the project's pin and has it recorded; all or nothing (see {@link dev.po.project.UpdateCommand}). */
  UpdateResult update(UpdateRequest update);

  /** Makes the project {@code create} describes. */
  CreateResult create(CreateRequest create);

  /** The last lines of the logs {@code logs} chooses. */
  List<LogLine> logs(LogsRequest logs);

  /**
   * The last lines of the logs {@code logs} chooses, then the new ones, until interrupted;
   * {@code ready} runs once the agents are known to be there, before the first line.
   */
  void follow(LogsRequest logs, Consumer<LogLine> sink, Runnable ready);

  /** Attaches this process's terminal to the agent's session until the operator detaches. */
  void attach(Target target, String agent);

  /** validate's checks of {@code projects} made where they live, placed at their keys in {@code registry}. */
  List<Problem> check(Registry registry, List<ProjectEntry> projects);

  /**
   * Refuses to register a folder that is missing or not a git repository, as registering an
   * existing project requires; a missing engine submodule or drift is left to {@code validate},
   * which says how to fix it. A host that cannot tell cheaply leaves it to validate there.
   */
  void refuseUnregistrable(Target target);

  /**
   * Holds the project for a command that changes it ({@code what}) until closed; refuses with
   * {@link dev.po.project.ProjectBusyException} while another command holds it.
   */
  Held hold(Target target, String what);
}
