package dev.po.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One project's state, read from the registry, its repository and its harness status file.
 *
 * @param name the project name
 * @param enabled whether the registry enables it
 * @param harness the harness name, or {@code null} when none resolves
 * @param ref the ref the registry pins
 * @param path the resolved absolute location
 * @param exists whether the location is a folder
 * @param problem why the location is not sound (missing, not a git repository, no engine submodule),
 *     or {@code null} when it is
 * @param pin the full commit of the engine gitlink in the project's HEAD, or {@code null}
 * @param pinName a tag at the pin, else its short commit; {@code null} without a pin
 * @param drift whether the pin differs from the commit the registry's ref names
 * @param state the harness state
 * @param agents each agent the harness status file records, in agents.toml order; empty before the
 *     harness first ran, or when its status file cannot be read
 */
public record ProjectStatus(
    String name,
    boolean enabled,
    String harness,
    String ref,
    Path path,
    boolean exists,
    String problem,
    String pin,
    String pinName,
    boolean drift,
    HarnessState state,
    List<HarnessStatus.Agent> agents) {
  public ProjectStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(state, "state");
    agents = List.copyOf(agents);
  }

  /** A status without agent detail. */
  public ProjectStatus(String name, boolean enabled, String harness, String ref, Path path, boolean exists,
      String problem, String pin, String pinName, boolean drift, HarnessState state) {
    this(name, enabled, harness, ref, path, exists, problem, pin, pinName, drift, state, List.of());
  }

  /** Whether the location is an existing git repository with an engine submodule. */
  public boolean sound() {
    return problem == null;
  }
}
