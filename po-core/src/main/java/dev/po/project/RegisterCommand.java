package dev.po.project;

import dev.po.Po;
import dev.po.fleet.Fleet;
import dev.po.fleet.ProjectEntry;
import dev.po.host.Hosts;
import dev.po.host.Target;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Records an existing project folder in the registry; nothing on disk is touched. The one way a
 * project is registered: {@code po fleet register} and {@code create --register} both come here.
 *
 * <pre>{@code
 * ProjectEntry p = po.register("my-project").setLocation("/srv/my-project").setRef("v0.1.0").call();
 * }</pre>
 */
public final class RegisterCommand {
  private final Po po;
  private final String name;
  private String location;
  private String ref;
  private String harness;
  private boolean enabled = true;
  private String host;

  /** A registration of {@code name} in {@code po}'s registry; {@link Po#register} gives one. */
  public RegisterCommand(Po po, String name) {
    this.po = Objects.requireNonNull(po, "po");
    this.name = name;
  }

  /**
   * Required: the project folder. {@code ~} and {@code ~/...} are recorded as written; any other
   * path (a relative one against the registry's folder) is recorded relative to the registry's
   * folder when inside it, so the fleet can move as a whole, else absolute.
   */
  public RegisterCommand setLocation(String location) {
    this.location = location;
    return this;
  }

  /** Required: the engine ref the project pins (a tag, a branch or a commit id). */
  public RegisterCommand setRef(String ref) {
    this.ref = ref;
    return this;
  }

  /** The harness; the registry's default when not set. */
  public RegisterCommand setHarness(String harness) {
    this.harness = harness;
    return this;
  }

  /**
   * The {@code [hosts.H]} the project lives on; this machine when not set. The location is then a
   * path on that host (absolute or {@code ~/...}) and is recorded as written.
   */
  public RegisterCommand setHost(String host) {
    this.host = host;
    return this;
  }

  /** Whether {@code start --all} includes it; default {@code true}. */
  public RegisterCommand setEnabled(boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  /**
   * Adds the entry under the registry's lock; refuses a name already registered, a folder that is
   * missing or not a git repository, and any value the registry does not allow, with nothing
   * written.
   */
  public ProjectEntry call() {
    if (location == null || location.isBlank()) {
      throw new ProjectException("project " + name + ": a location is required");
    }
    Fleet written = po.registry().edit(f -> {
      // checked under the lock: another command may have registered the name meanwhile
      f.project(name).ifPresent(p -> {
        throw new ProjectException("project " + name + " is already registered (location " + p.location() + ")");
      });
      if (host != null && f.host(host).isEmpty()) {
        throw new ProjectException("project " + name + ": no host '" + host + "' in the registry: declare [hosts." + host + "] first");
      }
      String where = host == null ? asWritten(f.folder(), location) : location;
      ProjectEntry entry = new ProjectEntry(name, where, harness, ref, enabled, host);
      // an undeclared harness is left to the registry's own check, with its position; a folder on
      // another host is checked there, by validate
      if (host == null && f.harnessOf(entry).isPresent()) {
        Hosts.here(f).refuseUnregistrable(new Target(f, entry, Project.settings(po)));
      }
      return f.withProject(entry);
    });
    return written.requireProject(name);
  }

  /** How {@code dir} is recorded: see {@link #setLocation}. */
  static String asWritten(Path folder, String dir) {
    if (dir.equals("~") || dir.startsWith("~/")) {
      return dir;
    }
    Path abs = folder.resolve(dir).toAbsolutePath().normalize();
    if (abs.equals(folder)) {
      return ".";
    }
    return abs.startsWith(folder) ? folder.relativize(abs).toString().replace('\\', '/') : abs.toString();
  }
}
