package dev.po.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param host the {@code [hosts.NAME]} the project lives on, or {@code null} for this machine
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
    String host,
    List<HarnessStatus.Agent> agents) {
  public ProjectStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(state, "state");
    agents = List.copyOf(agents);
  }

  /** The status of a project on this machine, without agent detail. */
  public ProjectStatus(String name, boolean enabled, String harness, String ref, Path path, boolean exists,
      String problem, String pin, String pinName, boolean drift, HarnessState state) {
    this(name, enabled, harness, ref, path, exists, problem, pin, pinName, drift, state, null, List.of());
  }

  /** The status of a project on this machine, with its agents. */
  public ProjectStatus(String name, boolean enabled, String harness, String ref, Path path, boolean exists,
      String problem, String pin, String pinName, boolean drift, HarnessState state, List<HarnessStatus.Agent> agents) {
    this(name, enabled, harness, ref, path, exists, problem, pin, pinName, drift, state, null, agents);
  }

  /** The same status, as seen from the machine that asked {@code host}. */
  public ProjectStatus onHost(String newHost) {
    return new ProjectStatus(name, enabled, harness, ref, path, exists, problem, pin, pinName, drift, state, newHost, agents);
  }

  /** Whether the location is an existing git repository with an engine submodule. */
  public boolean sound() {
    return problem == null;
  }

  /**
   * The status as JSON values, the one shape that {@code po fleet status --json} prints, that the
   * po on another host answers with and that an embedding tool may keep: in this order {@code
   * name, enabled, harness, ref, path, exists, sound, problem, pin, pinName, drift, state} (as
   * {@link HarnessState#word()}), {@code host, agents} (each as {@link HarnessStatus.Agent#toJson()}).
   */
  public Map<String, Object> toJson() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", name);
    o.put("enabled", enabled);
    o.put("harness", harness);
    o.put("ref", ref);
    o.put("path", path.toString());
    o.put("exists", exists);
    o.put("sound", sound());
    o.put("problem", problem);
    o.put("pin", pin);
    o.put("pinName", pinName);
    o.put("drift", drift);
    o.put("state", state.word());
    o.put("host", host);
    List<Map<String, Object>> each = new ArrayList<>();
    agents.forEach(a -> each.add(a.toJson()));
    o.put("agents", each);
    return o;
  }

  /**
   * The status {@link #toJson()} wrote, read back from parsed JSON values (maps, lists, numbers,
   * strings); {@code sound} follows from {@code problem}. Throws {@link IllegalArgumentException}
   * naming the field that is missing or of the wrong kind.
   */
  public static ProjectStatus fromJson(Map<String, ?> o) {
    List<HarnessStatus.Agent> agents = new ArrayList<>();
    Object list = o.get("agents");
    if (list != null) {
      if (!(list instanceof List<?> l)) {
        throw new IllegalArgumentException("status JSON: agents must be an array");
      }
      for (Object a : l) {
        if (!(a instanceof Map<?, ?> m)) {
          throw new IllegalArgumentException("status JSON: each agent must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> agent = (Map<String, ?>) m;
        agents.add(HarnessStatus.Agent.fromJson(agent));
      }
    }
    String state = field(o, "state", String.class, true);
    return new ProjectStatus(field(o, "name", String.class, true), Boolean.TRUE.equals(o.get("enabled")),
        field(o, "harness", String.class, false), field(o, "ref", String.class, true),
        Path.of(field(o, "path", String.class, true)), Boolean.TRUE.equals(o.get("exists")),
        field(o, "problem", String.class, false), field(o, "pin", String.class, false),
        field(o, "pinName", String.class, false), Boolean.TRUE.equals(o.get("drift")), HarnessState.ofWord(state),
        field(o, "host", String.class, false), agents);
  }

  private static <T> T field(Map<String, ?> o, String name, Class<T> type, boolean required) {
    Object v = o.get(name);
    if (v == null) {
      if (required) {
        throw new IllegalArgumentException("status JSON: no " + name);
      }
      return null;
    }
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException("status JSON: " + name + " must be a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT));
    }
    return type.cast(v);
  }
}
