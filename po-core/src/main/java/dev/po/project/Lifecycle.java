package dev.po.project;

import dev.po.fleet.Fleet;
import dev.po.fleet.Registry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lifecycle operations over one registry, with the settings every launcher run shares (extra
 * environment, timeout). Immutable. {@link dev.po.Po} delegates to it; use {@code Po} unless you
 * embed po-core without one.
 */
public final class Lifecycle {
  /** How long a launcher may run before it is killed; the first {@code up} may build the harness. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private final Registry registry;
  private final Map<String, String> environment;
  private final Duration timeout;

  private Lifecycle(Registry registry, Map<String, String> environment, Duration timeout) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.environment = Map.copyOf(environment);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout (" + timeout + ") must be positive");
    }
  }

  public static Lifecycle of(Registry registry) {
    return new Lifecycle(registry, Map.of(), DEFAULT_TIMEOUT);
  }

  /**
   * The same, with {@code extra} added to the environment launchers inherit from this process (for
   * instance {@code AO_TMUX_SOCKET}); later values win.
   */
  public Lifecycle withEnvironment(Map<String, String> extra) {
    Map<String, String> next = new LinkedHashMap<>(environment);
    next.putAll(extra);
    return new Lifecycle(registry, next, timeout);
  }

  /** The same, with a different launcher timeout. */
  public Lifecycle withTimeout(Duration newTimeout) {
    return new Lifecycle(registry, environment, newTimeout);
  }

  public Registry registry() {
    return registry;
  }

  /** The variables added to the inherited environment. */
  public Map<String, String> environment() {
    return environment;
  }

  public Duration timeout() {
    return timeout;
  }

  /** A handle on a registered project, as the registry records it now. */
  public Project project(String name) {
    Fleet fleet = registry.read();
    return new Project(this, fleet, fleet.requireProject(name));
  }

  /** Handles on every registered project, in file order. */
  public List<Project> projects() {
    Fleet fleet = registry.read();
    return fleet.projects().stream().map(p -> new Project(this, fleet, p)).toList();
  }

  /**
   * validate's checks of the projects on other hosts, made there, placed at their keys in the
   * registry: unreachable hosts, unsound locations, drift, the one rule, harness urls the host
   * cannot read. {@link dev.po.Po#validate()} adds them to {@link Registry#validate()}.
   */
  public List<dev.po.fleet.Problem> checkHosts(Fleet fleet) {
    return Hosts.check(registry, fleet);
  }

  /** The status of {@code projects} of {@code fleet}, in their order, wherever each lives. */
  public static List<ProjectStatus> status(Fleet fleet, List<dev.po.fleet.ProjectEntry> projects) {
    return Hosts.status(fleet, projects);
  }

  /** Starts describing a new project; {@link CreateCommand#call()} makes it. */
  public CreateCommand create(String name) {
    return new CreateCommand(this, name);
  }

  /** Starts describing the registration of an existing project; {@link RegisterCommand#call()} records it. */
  public RegisterCommand register(String name) {
    return new RegisterCommand(this, name);
  }

  /** Starts the named projects (or, with {@link LaunchCommand#setAll}, every enabled one). */
  public LaunchCommand start(String... names) {
    return new LaunchCommand(this, LaunchCommand.START, List.of(names));
  }

  /** Starts a rolling update to {@code newRef}; {@link RollingUpdateCommand#call()} runs it. */
  public RollingUpdateCommand update(String newRef) {
    return new RollingUpdateCommand(this, newRef);
  }

  /**
   * Stops the named projects (or, with {@link LaunchCommand#setAll}, every one that may run: the
   * enabled ones and the disabled ones whose harness is not stopped).
   */
  public LaunchCommand stop(String... names) {
    return new LaunchCommand(this, LaunchCommand.STOP, List.of(names));
  }
}
