package dev.po.fleet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.TomlTable;

/** Reads {@code [hosts.NAME]}, a project's {@code host} key and {@code connect_timeout} for {@link FleetParser}. */
final class HostTables {
  private static final Set<String> HOST_KEYS = Set.of("ssh", "ssh_config", "projects_dir", "env");

  private HostTables() {}

  static Map<String, HostEntry> read(FleetParser p) {
    Map<String, HostEntry> hosts = new LinkedHashMap<>();
    List<String> top = List.of("hosts");
    if (!p.root.contains(top) || !p.requireTable(top, "hosts")) {
      return hosts;
    }
    for (String name : p.sortedKeys(p.root.getTable(top), top)) {
      List<String> path = List.of("hosts", name);
      if (!p.requireTable(path, "hosts." + name)) {
        continue;
      }
      boolean ok = true;
      if (!Names.isValid(name)) {
        p.problem(p.pos(path), Names.invalid("host", name));
        ok = false;
      }
      p.unknownKeys(path, HOST_KEYS, "[hosts." + name + "]");
      String ssh = p.string(path, "ssh");
      if (ssh != null && HostEntry.destinationProblem(ssh) != null) {
        p.problem(p.pos(FleetParser.append(path, "ssh")), HostEntry.destinationProblem(ssh));
        ok = false;
      } else if (ssh == null && p.root.contains(FleetParser.append(path, "ssh"))) {
        ok = false;
      }
      String config = p.string(path, "ssh_config");
      ok &= config != null || !p.root.contains(FleetParser.append(path, "ssh_config"));
      String dir = p.string(path, "projects_dir");
      if (dir != null && HostEntry.remotePathProblem(dir) != null) {
        p.problem(p.pos(FleetParser.append(path, "projects_dir")), "'projects_dir' " + HostEntry.remotePathProblem(dir));
        ok = false;
      } else if (dir == null && p.root.contains(FleetParser.append(path, "projects_dir"))) {
        ok = false;
      }
      Map<String, String> env = env(p, path);
      if (env == null) {
        ok = false;
      }
      if (ok) {
        hosts.put(name, new HostEntry(name, ssh, config, dir, env));
      }
    }
    return hosts;
  }

  private static Map<String, String> env(FleetParser p, List<String> host) {
    List<String> path = FleetParser.append(host, "env");
    Object value = p.root.get(path);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof TomlTable table)) {
      p.problem(p.pos(path), "'env' must be a table of strings, not " + FleetParser.typeOf(value));
      return null;
    }
    Map<String, String> env = new LinkedHashMap<>();
    boolean ok = true;
    for (String key : table.keySet()) {
      Object v = table.get(List.of(key));
      if (!HostEntry.isVariable(key)) {
        p.problem(p.pos(FleetParser.append(path, key)), "invalid environment variable name '" + key + "'");
        ok = false;
      } else if (!(v instanceof String s)) {
        p.problem(p.pos(FleetParser.append(path, key)), "'env." + key + "' must be a string, not " + FleetParser.typeOf(v));
        ok = false;
      } else if (s.indexOf('\0') >= 0) {
        p.problem(p.pos(FleetParser.append(path, key)), "'env." + key + "' must not hold a NUL");
        ok = false;
      } else {
        env.put(key, s);
      }
    }
    return ok ? env : null;
  }

  /** Checks a project's {@code host} key; reports and returns false when it names no usable host. */
  static boolean projectHost(FleetParser p, List<String> project, String name, String host, Map<String, HostEntry> hosts) {
    List<String> path = FleetParser.append(project, "host");
    if (!Names.isValid(host)) {
      p.problem(p.pos(path), Names.invalid("host", host));
      return false;
    }
    if (!hosts.containsKey(host)) {
      if (!p.root.contains(List.of("hosts", host))) {
        p.problem(p.pos(path), "project '" + name + "' names undeclared host '" + host + "'");
      }
      return false;
    }
    return true;
  }

  /** {@code [defaults] connect_timeout}: whole seconds, 1 to 3600; {@code null} when absent or wrong. */
  static Integer connectTimeout(FleetParser p, List<String> defaults) {
    List<String> path = FleetParser.append(defaults, "connect_timeout");
    Object value = p.root.get(path);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Long n)) {
      p.problem(p.pos(path), "'connect_timeout' must be an integer (seconds), not " + FleetParser.typeOf(value));
      return null;
    }
    if (n < 1 || n > 3600) {
      p.problem(p.pos(path), "'connect_timeout' must be 1 to 3600 seconds, not " + n);
      return null;
    }
    return n.intValue();
  }
}
