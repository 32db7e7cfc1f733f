package dev.po.fleet;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Another machine, declared in {@code [hosts.NAME]}, that runs projects the PO drives over the
 * operator's OpenSSH client.
 *
 * @param name the table name; a valid {@linkplain Names name}
 * @param ssh the destination given to {@code ssh} ({@code user@host}, an alias of the ssh config);
 *     the name when not written
 * @param sshConfig an ssh config file given as {@code -F FILE}, as written (relative to fleet.toml's
 *     folder); {@code null} for the operator's own
 * @param projectsDir where {@code po create --host} puts projects on that host, absolute or
 *     {@code ~/...} (the far side's home); {@link #DEFAULT_PROJECTS_DIR} when not written
 * @param env variables added to the environment of the harness launchers run there
 */
public record HostEntry(String name, String ssh, String sshConfig, String projectsDir, Map<String, String> env) {
  /** Where new projects go on a host that names no {@code projects_dir}. */
  public static final String DEFAULT_PROJECTS_DIR = "~/projects";

  private static final Pattern DESTINATION = Pattern.compile("[A-Za-z0-9_.@:%\\[\\]-]+");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public HostEntry {
    Names.check("host", name);
    ssh = ssh == null ? name : ssh;
    String bad = destinationProblem(ssh);
    if (bad != null) {
      throw new InvalidValueException("host " + name + ": " + bad);
    }
    projectsDir = projectsDir == null ? DEFAULT_PROJECTS_DIR : projectsDir;
    bad = remotePathProblem(projectsDir);
    if (bad != null) {
      throw new InvalidValueException("host " + name + ": projects_dir " + bad);
    }
    env = Map.copyOf(Objects.requireNonNull(env, "env"));
    for (var e : env.entrySet()) {
      if (!VARIABLE.matcher(e.getKey()).matches() || e.getValue().indexOf('\0') >= 0) {
        throw new InvalidValueException("host " + name + ": bad environment variable '" + e.getKey() + "'");
      }
    }
  }

  /** A host reached as {@code ssh NAME}, with the operator's ssh configuration. */
  public HostEntry(String name) {
    this(name, null, null, null, Map.of());
  }

  /**
   * Why {@code ssh} cannot be an ssh destination, or {@code null}. Only the characters of user,
   * host and port names pass: a leading {@code -} would be read as an option, and nothing else
   * ever reaches a shell.
   */
  public static String destinationProblem(String ssh) {
    if (ssh.isEmpty() || ssh.startsWith("-") || !DESTINATION.matcher(ssh).matches()) {
      return "bad ssh destination '" + ssh + "': use user@host, host or an ssh config alias";
    }
    return null;
  }

  /**
   * Why {@code path} cannot be a location on another host, or {@code null}: it must be absolute
   * or under {@code ~/} (the far side resolves {@code ~}), and hold no NUL or newline.
   */
  public static String remotePathProblem(String path) {
    if (!(path.startsWith("/") || path.equals("~") || path.startsWith("~/"))) {
      return "'" + path + "' must be absolute or ~/... on another host";
    }
    if (path.indexOf('\0') >= 0 || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
      return "must not hold a NUL or a line break";
    }
    return null;
  }

  static boolean isVariable(String name) {
    return VARIABLE.matcher(name).matches();
  }
}
