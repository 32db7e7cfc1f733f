package dev.po.fleet;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The fleet as {@code fleet.toml} records it: an immutable value. Every change returns a new value;
 * {@link Registry#edit} writes such a change back to the file, keeping the operator's text.
 *
 * <pre>{@code
 * Fleet fleet = Registry.at(Path.of("fleet.toml")).read();
 * for (ProjectEntry p : fleet.projects()) {
 *   System.out.println(p.name() + " -> " + fleet.pathOf(p));
 * }
 * }</pre>
 *
 * @param folder the folder relative locations are resolved against (fleet.toml's folder)
 * @param defaults the {@code [defaults]} table
 * @param harnesses the declared harnesses, in file order
 * @param projects the registered projects, in file order
 * @param hosts the declared other hosts, in file order
 */
public record Fleet(
    Path folder, Defaults defaults, List<Harness> harnesses, List<ProjectEntry> projects, List<HostEntry> hosts) {
  public Fleet {
    folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
    defaults = defaults == null ? Defaults.NONE : defaults;
    harnesses = List.copyOf(harnesses);
    projects = List.copyOf(projects);
    hosts = List.copyOf(hosts);
    requireUnique("harness", harnesses.stream().map(Harness::name).toList());
    requireUnique("project", projects.stream().map(ProjectEntry::name).toList());
    requireUnique("host", hosts.stream().map(HostEntry::name).toList());
    Set<String> declared = new LinkedHashSet<>(hosts.stream().map(HostEntry::name).toList());
    for (ProjectEntry p : projects) {
      if (p.host() != null && !declared.contains(p.host())) {
        throw new InvalidValueException("project " + p.name() + " names undeclared host '" + p.host() + "'");
      }
    }
  }

  /** A fleet on this machine alone. */
  public Fleet(Path folder, Defaults defaults, List<Harness> harnesses, List<ProjectEntry> projects) {
    this(folder, defaults, harnesses, projects, List.of());
  }

  public Optional<HostEntry> host(String name) {
    return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
  }

  /** The host the project lives on, or empty for this machine. */
  public Optional<HostEntry> hostOf(ProjectEntry project) {
    return project.host() == null ? Optional.empty() : host(project.host());
  }

  /** The host's ssh config file, resolved against {@link #folder()}; empty when none is written. */
  public Optional<Path> sshConfigOf(HostEntry host) {
    return Optional.ofNullable(host.sshConfig()).map(this::resolve);
  }

  /** An empty fleet whose relative locations resolve against {@code folder}. */
  public static Fleet empty(Path folder) {
    return new Fleet(folder, Defaults.NONE, List.of(), List.of());
  }

  public Optional<ProjectEntry> project(String name) {
    return projects.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Optional<Harness> harness(String name) {
    return harnesses.stream().filter(h -> h.name().equals(name)).findFirst();
  }

  /** The project's harness name: its own, else the default; empty when neither is written. */
  public Optional<String> harnessNameOf(ProjectEntry project) {
    return Optional.ofNullable(project.harness() != null ? project.harness() : defaults.harness());
  }

  /** The project's declared harness, when it resolves to one. */
  public Optional<Harness> harnessOf(ProjectEntry project) {
    return harnessNameOf(project).flatMap(this::harness);
  }

  /**
   * The absolute, normalized path of the project's location. For a project on another host the
   * location is that host's to resolve ({@code ~} is its home): this is the location as written.
   */
  public Path pathOf(ProjectEntry project) {
    return project.remote() ? Path.of(project.location()).normalize() : resolve(project.location());
  }

  /** Where a new project named {@code name} goes by default: {@code <projects_dir>/<name>}. */
  public Path defaultLocationOf(String name) {
    Names.check("project", name);
    String dir = defaults.projectsDir();
    return (dir == null ? folder : resolve(dir)).resolve(name).normalize();
  }

  /**
   * Resolves a location as written: absolute, {@code ~/...} (in {@code $HOME}, else the account's
   * home), or relative to {@link #folder()}.
   */
  public Path resolve(String location) {
    Path p;
    if (location.equals("~")) {
      p = home();
    } else if (location.startsWith("~/")) {
      p = home().resolve(location.substring(2));
    } else {
      p = Path.of(location);
      if (!p.isAbsolute()) {
        p = folder.resolve(p);
      }
    }
    return p.toAbsolutePath().normalize();
  }

  /**
   * The harness's git URL, ready for git: a URL ({@code scheme://...}), an scp-like
   * {@code host:path}, or an absolute path is used as written; {@code ~/...} is in the home
   * folder; any other path is relative to {@link #folder()}.
   */
  public String harnessUrl(Harness harness) {
    String url = harness.url();
    try {
      if (harness.isAddress() || Path.of(url).isAbsolute()) {
        return url;
      }
      return resolve(url).toString();
    } catch (InvalidPathException e) {
      // not a path at all: let git say what is wrong with it
      return url;
    }
  }

  /** Adds {@code project}, or replaces the project of the same name in place. */
  public Fleet withProject(ProjectEntry project) {
    List<ProjectEntry> next = new ArrayList<>(projects);
    int at = indexOf(project.name());
    if (at < 0) {
      next.add(project);
    } else {
      next.set(at, project);
    }
    return new Fleet(folder, defaults, harnesses, next, hosts);
  }

  /** Removes the named project; throws if it is not registered. */
  public Fleet withoutProject(String name) {
    List<ProjectEntry> next = new ArrayList<>(projects);
    next.remove(indexOf(requireProject(name).name()));
    return new Fleet(folder, defaults, harnesses, next, hosts);
  }

  public Fleet withRef(String name, String ref) {
    return withProject(requireProject(name).withRef(ref));
  }

  public Fleet withEnabled(String name, boolean enabled) {
    return withProject(requireProject(name).withEnabled(enabled));
  }

  /** Adds {@code harness}, or replaces the harness of the same name in place. */
  public Fleet withHarness(Harness harness) {
    List<Harness> next = new ArrayList<>(harnesses);
    int at = -1;
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i).name().equals(harness.name())) {
        at = i;
      }
    }
    if (at < 0) {
      next.add(harness);
    } else {
      next.set(at, harness);
    }
    return new Fleet(folder, defaults, next, projects, hosts);
  }

  /** Removes the named harness; throws if it is not declared. Projects naming it are left to validation. */
  public Fleet withoutHarness(String name) {
    Harness h = harness(name).orElseThrow(() -> new InvalidValueException("no harness '" + name + "' in the fleet"));
    List<Harness> next = new ArrayList<>(harnesses);
    next.remove(h);
    return new Fleet(folder, defaults, next, projects, hosts);
  }

  public Fleet withDefaults(Defaults newDefaults) {
    return new Fleet(folder, newDefaults, harnesses, projects, hosts);
  }

  /** Applies {@code change} to the named project. */
  public Fleet withProject(String name, UnaryOperator<ProjectEntry> change) {
    return withProject(change.apply(requireProject(name)));
  }

  /** The named project, or an {@link UnknownProjectException}. */
  /**
   * validate's checks of the disk for these projects, where this process runs, without a registry
   * file: unsound locations, drift, the one rule, harness urls this machine cannot read. The po
   * of another host answers validate's question about its projects with these.
   */
  public List<Finding> checkHere() {
    return HostChecks.check(this);
  }

  public ProjectEntry requireProject(String name) {
    return project(name).orElseThrow(() -> new UnknownProjectException(name));
  }

  private int indexOf(String name) {
    for (int i = 0; i < projects.size(); i++) {
      if (projects.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The home {@code ~} means: {@code $HOME} when it is set to an absolute path, as a shell and git
   * read it; else the account's home. One rule, so a location written {@code ~/x} means what the
   * operator's shell would make of it.
   */
  public static Path home() {
    String env = System.getenv("HOME");
    if (env != null && !env.isEmpty()) {
      try {
        Path p = Path.of(env);
        if (p.isAbsolute()) {
          return p;
        }
      } catch (InvalidPathException e) {
        // not a path: the account's home it is
      }
    }
    return Path.of(System.getProperty("user.home"));
  }

  private static void requireUnique(String kind, List<String> names) {
    Set<String> seen = new LinkedHashSet<>();
    for (String n : names) {
      if (!seen.add(n)) {
        throw new InvalidValueException("duplicate " + kind + " '" + n + "'");
      }
    }
  }
}
