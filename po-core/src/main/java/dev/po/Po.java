package dev.po;

import dev.po.fleet.Fleet;
import dev.po.fleet.ProjectEntry;
import dev.po.fleet.Registry;
import dev.po.project.CreateCommand;
import dev.po.project.LaunchCommand;
import dev.po.project.Project;
import dev.po.project.RegisterCommand;
import dev.po.project.ProjectStatus;
import dev.po.fleet.Problem;
import dev.po.fleet.RegistryException;
import dev.po.project.RollingUpdateCommand;
import dev.po.project.Verb;
import dev.po.host.Hosts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
  /** How long a launcher may run before it is killed; the first {@code up} may build the harness. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private final Registry registry;
  private final Map<String, String> environment;
  private final Duration timeout;

  private Po(Registry registry, Map<String, String> environment, Duration timeout) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.environment = Map.copyOf(environment);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout (" + timeout + ") must be positive");
    }
  }

  /** The fleet recorded in {@code fleetFile}; nothing is read until asked. */
  public static Po open(Path fleetFile) {
    return new Po(Registry.at(fleetFile), Map.of(), DEFAULT_TIMEOUT);
  }

  /**
   * The same fleet, with {@code extra} added to the environment harness launchers inherit (for
   * instance {@code AO_TMUX_SOCKET} for a private tmux server); later values win.
   */
  public Po withEnvironment(Map<String, String> extra) {
    Map<String, String> next = new LinkedHashMap<>(environment);
    next.putAll(extra);
    return new Po(registry, next, timeout);
  }

  /** The same fleet, with a different launcher timeout (default ten minutes). */
  public Po withTimeout(Duration timeout) {
    return new Po(registry, environment, timeout);
  }

  /** The variables added to the environment launchers inherit from this process. */
  public Map<String, String> environment() {
    return environment;
  }

  /** How long a launcher may run before it is killed. */
  public Duration timeout() {
    return timeout;
  }

  public Registry registry() {
    return registry;
  }

  /** Reads the registry as it is now. */
  public Fleet fleet() {
    return registry.read();
  }

  /** A handle on a registered project, as the registry records it now; throws {@link dev.po.fleet.UnknownProjectException}. */
  public Project project(String name) {
    Fleet fleet = registry.read();
    return new Project(this, fleet, fleet.requireProject(name));
  }

  /** Handles on every registered project, in file order. */
  public List<Project> projects() {
    Fleet fleet = registry.read();
    return fleet.projects().stream().map(p -> new Project(this, fleet, p)).toList();
  }

  /** Starts describing a new project; {@link CreateCommand#call()} makes it. */
  public CreateCommand create(String name) {
    return new CreateCommand(this, name);
  }

  /** Starts describing the registration of an existing project folder; nothing on disk is touched. */
  public RegisterCommand register(String name) {
    return new RegisterCommand(this, name);
  }

  /** Starts the named projects, or every enabled one with {@code setAll(true)}. */
  public LaunchCommand start(String... names) {
    return new LaunchCommand(this, Verb.START, List.of(names));
  }

  /** Stops the named projects, or with {@code setAll(true)} every enabled one and every disabled one that runs. */
  public LaunchCommand stop(String... names) {
    return new LaunchCommand(this, Verb.STOP, List.of(names));
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
    all.addAll(Hosts.check(registry, fleet));
    all.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return List.copyOf(all);
  }

  /**
   * Starts a rolling update to {@code newRef}: with {@code setAll(true).setFrom(oldRef)}, every
   * enabled project at {@code oldRef}, one at a time in registry order.
   */
  public RollingUpdateCommand update(String newRef) {
    return new RollingUpdateCommand(this, newRef);
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
    return Hosts.status(fleet, chosen);
  }
}
