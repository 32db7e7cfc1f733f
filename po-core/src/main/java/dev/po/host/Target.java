package dev.po.host;

import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import dev.po.fleet.ProjectEntry;
import dev.po.project.ProjectException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One project as its host works it: the registry entry, the fleet it was read from (its harness,
 * its host, where its location resolves) and the launcher settings of the po that asks.
 */
public record Target(Fleet fleet, ProjectEntry entry, Settings settings) {
  public Target {
    Objects.requireNonNull(fleet, "fleet");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(settings, "settings");
  }

  public String name() {
    return entry.name();
  }

  /** The project's folder on its host: its location resolved there. */
  public Path root() {
    return fleet.pathOf(entry);
  }

  /** The harness the project uses; throws {@link ProjectException} when none is declared. */
  public Harness harness() {
    return fleet.harnessOf(entry).orElseThrow(() -> new ProjectException("project " + name() + ": harness '"
        + fleet.harnessNameOf(entry).orElse("") + "' is not declared in the fleet registry"));
  }

  /** The launchers' environment on the project's host: this po's extra variables, then the host's. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>(settings.environment());
    fleet.hostOf(entry).ifPresent(h -> env.putAll(h.env()));
    return env;
  }
}
