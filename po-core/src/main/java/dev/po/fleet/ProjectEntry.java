package dev.po.fleet;

import java.util.Objects;

/**
 * A project as the registry records it in {@code [projects.NAME]}.
 *
 * @param name the table name; a valid {@linkplain Names name}
 * @param location as written: absolute, relative to fleet.toml's folder, or {@code ~/...}
 * @param harness the harness name, or {@code null} when the entry names none (the default applies)
 * @param ref the engine ref this project must pin: a tag, branch or commit id ({@link Names#isValidRef})
 * @param enabled whether {@code start --all} includes it
 */
public record ProjectEntry(String name, String location, String harness, String ref, boolean enabled) {
  public ProjectEntry {
    Names.check("project", name);
    Objects.requireNonNull(location, "location");
    if (location.isBlank()) {
      throw new InvalidValueException("project " + name + ": location must not be blank");
    }
    if (harness != null) {
      Names.check("harness", harness);
    }
    Objects.requireNonNull(ref, "ref");
    if (ref.isBlank()) {
      throw new InvalidValueException("project " + name + ": ref must not be blank");
    }
    if (!Names.isValidRef(ref)) {
      throw new InvalidValueException("project " + name + ": " + Names.invalidRef(ref));
    }
  }

  public ProjectEntry withRef(String newRef) {
    return new ProjectEntry(name, location, harness, newRef, enabled);
  }

  public ProjectEntry withEnabled(boolean newEnabled) {
    return new ProjectEntry(name, location, harness, ref, newEnabled);
  }
}
