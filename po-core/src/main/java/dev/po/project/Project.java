package dev.po.project;

import dev.po.Po;
import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import dev.po.fleet.ProjectEntry;
import dev.po.host.Held;
import dev.po.host.Host;
import dev.po.host.Hosts;
import dev.po.host.Settings;
import dev.po.host.Target;
import java.nio.file.Path;
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
  private final Po po;
  private final Fleet fleet;
  private final ProjectEntry entry;

  /** The handle of {@code entry} of {@code fleet}, worked with {@code po}'s settings; {@link Po#project} gives one. */
  public Project(Po po, Fleet fleet, ProjectEntry entry) {
    this.po = Objects.requireNonNull(po, "po");
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
    return target().harness();
  }

  /**
   * What the project's harness is doing, read from its status file; starts no process here (a
   * project on another host is asked over ssh, and is {@link HarnessState#UNREACHABLE} when that
   * host cannot be reached).
   */
  public HarnessState state() {
    return host().state(target());
  }

  /**
   * The harness status with each agent's pid, state and restarts; starts no process here (a
   * project on another host is asked over ssh; throws {@link HostException} when it cannot be
   * reached).
   */
  public HarnessStatus harnessStatus() {
    return host().harnessStatus(target());
  }

  /**
   * Starts reading the agents' logs; {@link LogsCommand#call()} gives their last lines. The logs
   * of a project on another host are read there.
   */
  public LogsCommand logs() {
    return new LogsCommand(this);
  }

  /**
   * Attaches this process's terminal to a running agent's tmux session through the harness
   * launcher's {@code attach} (on the harness's tmux socket) and returns when the operator
   * detaches; for a project on another host, through {@code ssh -t} and the launcher there.
   * {@code agent} may be {@code null} when the project has one agent. Refused, in one line,
   * without a terminal, for an agent the harness does not know and for one not running.
   */
  public void attach(String agent) {
    if (System.console() == null) {
      // tmux would fail with "open terminal failed: not a terminal" or hang a pipe: say why at once
      throw new ProjectException("project " + name() + ": attach needs a terminal, and stdin or stdout is not one"
          + " (read the log instead: po logs " + name() + (agent == null ? "" : " " + agent) + ")");
    }
    host().attach(target(), agent);
  }

  /** Runs the harness launcher's {@code up}; refuses a disabled project. */
  public LaunchResult start() {
    return start(false);
  }

  /** Runs the harness launcher's {@code up}; {@code force} starts a disabled project too. */
  public LaunchResult start(boolean force) {
    if (!entry.enabled() && !force) {
      throw new ProjectException(disabled(name()));
    }
    return host().launch(target(), Verb.START);
  }

  /** Runs the harness launcher's {@code down}. */
  public LaunchResult stop() {
    return host().launch(target(), Verb.STOP);
  }

  /** Why a disabled project is not started. */
  public static String disabled(String name) {
    return "project " + name + " is disabled; start it with --force";
  }

  /** Starts moving the project's engine pin to {@code ref}; {@link UpdateCommand#call()} does it. */
  public UpdateCommand update(String ref) {
    return new UpdateCommand(this, ref);
  }

  /**
   * Holds this project for a command that changes it ({@code what}, e.g. {@code update alpha
   * v0.2.0}) until the lock is closed; refuses with {@link ProjectBusyException} while another
   * command holds it. Every command that changes a project takes this first.
   */
  Held hold(String what) {
    return host().hold(target(), what);
  }

  Po po() {
    return po;
  }

  Fleet fleet() {
    return fleet;
  }

  /** This project as its host works it, with this handle's settings. */
  Target target() {
    return new Target(fleet, entry, settings(po));
  }

  /** The launcher settings of {@code po}. */
  static Settings settings(Po po) {
    return new Settings(po.environment(), po.timeout());
  }

  /** Where the project lives: this machine, or the host its registry entry names. */
  Host host() {
    return Hosts.of(fleet, entry.host());
  }

  @Override
  public String toString() {
    return "Project[" + name() + " at " + root() + "]";
  }
}
