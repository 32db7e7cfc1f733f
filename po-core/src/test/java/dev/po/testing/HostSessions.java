package dev.po.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What runs for connections to a test host: every process under its sshd (a session's sshd, its
 * shell, po there), and po or a {@code tail} started in a session there that outlived it, found by
 * the {@code SSH_CONNECTION} sshd gave it (a process whose session ended is no longer under sshd:
 * it is the init process's now). The harness's own processes, which a launcher there starts to
 * outlive the session, are not counted.
 */
final class HostSessions {
  private HostSessions() {}

  /** Each such process as {@code PID COMMAND LINE}, by pid. */
  static List<String> of(ProcessHandle sshd, String address, int port) {
    String server = " " + address + " " + port;
    Map<Long, String> found = new TreeMap<>();
    sshd.descendants().filter(ProcessHandle::isAlive)
        .forEach(p -> found.put(p.pid(), p.info().commandLine().orElse("?")));
    ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).forEach(p -> {
      String connection = environment(p.pid()).get("SSH_CONNECTION");
      String cmd = commandLine(p.pid());
      if (connection != null && connection.endsWith(server)
          && (cmd.contains("dev.po.project.FarSide") || cmd.startsWith("tail"))) {
        found.put(p.pid(), cmd);
      }
    });
    return found.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
  }

  private static Map<String, String> environment(long pid) {
    Map<String, String> env = new LinkedHashMap<>();
    try {
      for (String v : Files.readString(Path.of("/proc", Long.toString(pid), "environ"), StandardCharsets.ISO_8859_1).split("\0")) {
        int eq = v.indexOf('=');
        if (eq > 0) {
          env.put(v.substring(0, eq), v.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      // gone, or not ours to read: not a process of the host's sessions
    }
    return env;
  }

  private static String commandLine(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.ISO_8859_1)
          .replace('\0', ' ').strip();
    } catch (IOException e) {
      return "";
    }
  }
}
