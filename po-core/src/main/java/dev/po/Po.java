package dev.po;

import dev.po.fleet.Fleet;
import dev.po.fleet.ProjectEntry;
import dev.po.fleet.Registry;
import dev.po.project.CreateCommand;
import dev.po.project.LaunchCommand;
import dev.po.project.Lifecycle;
import dev.po.project.Project;
import dev.po.project.RegisterCommand;
import dev.po.project.ProjectStatus;
import dev.po.fleet.Problem;
import dev.po.fleet.RegistryException;
import dev.po.project.RollingUpdateCommand;
import dev.po.project.StatusReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entry point: a fleet registry file and the projects it records.
 *
 * <pre>{@code
 * Po po = Po.open(Path.of("fleet.toml"));
 * po.create("my-project").setRef("v0.1.0").setRegister(true).call();
 * po.project("my-project").start();
 * po.status().forEach(s -> System.out.println(s.name() + " " + s.state().word()));
 * po.project("my-project").update("v0.2.0").setRestart(true).call();
 * po.update("v0.3.0").setAll(true).setFrom("v0.2.0").setRestart(true).call();   // rolling
 * }</pre>
 */
public final class Po {
  private final Registry registry;
  private final Lifecycle lifecycle;

  private Po(Registry registry, Lifecycle lifecycle) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
  }

  /** The fleet recorded in {@code fleetFile}; nothing is read until asked. */
  public static Po open(Path fleetFile) {
    Registry registry = Registry.at(fleetFile);
    return new Po(registry, Lifecycle.of(registry));
  }

  /**
   * The same fleet, with {@code extra} added to the environment harness launchers inherit (for
   * instance {@code AO_TMUX_SOCKET} for a private tmux server); later values win.
   */
  public Po withEnvironment(Map<String, String> extra) {
    return new Po(registry, lifecycle.withEnvironment(extra));
  }

  /** The same fleet, with a different launcher timeout (default ten minutes). */
  public Po withTimeout(Duration timeout) {
    return new Po(registry, lifecycle.withTimeout(timeout));
  }

  /** The lifecycle operations with this handle's settings. */
  public Lifecycle lifecycle() {
    return lifecycle;
  }

  public Registry registry() {
    return registry;
  }

  /** Reads the registry as it is now. */
  public Fleet fleet() {
    return registry.read();
  }

  /** A handle on a registered project; throws {@link dev.po.fleet.UnknownProjectException}. */
  public Project project(String name) {
    return lifecycle.project(name);
  }

  /** Handles on every registered project, in file order. */
  public List<Project> projects() {
    return lifecycle.projects();
  }

  /** Starts describing a new project; {@link CreateCommand#call()} makes it. */
  public CreateCommand create(String name) {
    return lifecycle.create(name);
  }

  /** Starts describing the registration of an existing project folder; nothing on disk is touched. */
  public RegisterCommand register(String name) {
    return lifecycle.register(name);
  }

  /** Starts the named projects, or every enabled one with {@code setAll(true)}. */
  public LaunchCommand start(String... names) {
    return lifecycle.start(names);
  }

  /** Stops the named projects, or with {@code setAll(true)} every enabled one and every disabled one that runs. */
  public LaunchCommand stop(String... names) {
    return lifecycle.stop(names);
  }

  /**
   * Every problem of the registry, of the projects on this machine (as {@link Registry#validate()}
   * finds them) and of the projects on other hosts (checked there, one round trip per host), in
   * file order; empty when the fleet is sound. Hosts are only asked when the file itself reads.
   */
  public List<Problem> validate() {
    List<Problem> all = new ArrayList<>(registry.validate());
    Fleet fleet;
    try {
      fleet = registry.read();
    } catch (RegistryException e) {
      return all;
    }
    if (fleet.hosts().isEmpty()) {
      return all;
    }
    all.addAll(lifecycle.checkHosts(fleet));
    all.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return List.copyOf(all);
  }

  /**
   * Starts a rolling update to {@code newRef}: with {@code setAll(true).setFrom(oldRef)}, every
   * enabled project at {@code oldRef}, one at a time in registry order.
   */
  public RollingUpdateCommand update(String newRef) {
    return lifecycle.update(newRef);
  }

  /**
   * The status of the named projects in the order named, or of all in file order when none are
   * named; throws {@link dev.po.fleet.UnknownProjectException} for a name the registry lacks.
   * Reads every local repository in process, in parallel; a host's projects are read there, in one
   * ssh round trip per host, hosts in parallel (an unreachable host's projects are
   * {@link dev.po.project.HarnessState#UNREACHABLE}, with the ssh error as their problem).
   */
  public List<ProjectStatus> status(String... names) {
    Fleet fleet = registry.read();
    List<ProjectEntry> chosen = names.length == 0
        ? fleet.projects()
        : Arrays.stream(names).distinct().map(fleet::requireProject).toList();
    return Lifecycle.status(fleet, chosen);
  }
}
