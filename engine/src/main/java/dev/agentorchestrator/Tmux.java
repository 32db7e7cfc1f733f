package dev.agentorchestrator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tmux call of the harness. Uses the default server, or the socket named by {@code
 * AO_TMUX_SOCKET} ({@code tmux -L}). Sessions are always targeted exactly ({@code =name}), since
 * {@code -t ag} would also match a session called {@code agent}.
 */
final class Tmux {

  /** One pane as seen by {@code list-panes -a}. */
  record Pane(String session, long pid, boolean dead, Integer exit) {

    /**
     * Whether the agent's process runs. tmux keeps a pane open while any process holds its
     * terminal, so a pane whose first process died can still look alive to tmux.
     */
    boolean running() {
      return !dead && pid > 0 && Procs.alive(pid);
    }
  }

  /** The outcome of one tmux call. */
  record Result(int exit, String out, String err) {
    boolean ok() {
      return exit == 0;
    }
  }

  private final String socket;

  Tmux(String socket) {
    this.socket = socket == null || socket.isBlank() ? null : socket;
  }

  static Tmux fromEnvironment() {
    return new Tmux(System.getenv("AO_TMUX_SOCKET"));
  }

  String socket() {
    return socket;
  }

  Result run(List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add("tmux");
    if (socket != null) {
      argv.add("-L");
      argv.add(socket);
    }
    argv.addAll(args);
    try {
      Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      String err;
      String out;
      try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
        out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
        err = new String(e.readAllBytes(), StandardCharsets.UTF_8);
      }
      return new Result(p.waitFor(), out, err.strip());
    } catch (IOException e) {
      throw new HarnessException("cannot run tmux: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted while running " + String.join(" ", argv));
    }
  }

  Result run(String... args) {
    return run(List.of(args));
  }

  /** All panes of the server, by session name, in one call; empty when no server runs. */
  Map<String, Pane> panes() {
    Result r = run("list-panes", "-a", "-F",
        "#{session_name}\t#{pane_pid}\t#{pane_dead}\t#{pane_dead_status}\t#{pane_dead_signal}");
    Map<String, Pane> panes = new HashMap<>();
    if (!r.ok()) {
      return panes; // no server running: no panes
    }
    for (String line : r.out().split("\n")) {
      String[] f = line.split("\t", -1);
      if (f.length < 5 || panes.containsKey(f[0])) {
        continue;
      }
      long pid = f[1].isEmpty() ? 0 : Long.parseLong(f[1]);
      // a process killed by a signal reports 128 + signal, as a shell would
      Integer exit = !f[3].isEmpty() ? Integer.valueOf(f[3]) : !f[4].isEmpty() ? 128 + Integer.parseInt(f[4]) : null;
      panes.put(f[0], new Pane(f[0], pid, "1".equals(f[2]), exit));
    }
    return panes;
  }

  /**
   * The exit of a dead pane. tmux can show a pane as dead (its terminal closed) a moment before it
   * has reaped the process, so this asks again for a short while.
   */
  Integer exitOf(String session) {
    for (int i = 0; i < 3; i++) {
      Result r = run("display-message", "-p", "-t", "=" + session + ":", "#{pane_dead_status}\t#{pane_dead_signal}");
      String[] f = r.out().replace("\n", "").split("\t", -1);
      if (!r.ok()) {
        return null;
      }
      if (f.length == 2 && !f[0].isEmpty()) {
        return Integer.valueOf(f[0]);
      }
      if (f.length == 2 && !f[1].isEmpty()) {
        return 128 + Integer.parseInt(f[1]);
      }
      Procs.sleep(5);
    }
    return null;
  }

  /**
   * Starts {@code argv} in a new detached session, keeping the pane after exit so its status can
   * be read, piping its output to {@code log} and poking the watchdog through {@code hook} when the
   * pane dies. It is one tmux call, so the pane cannot exit before remain-on-exit is set.
   */
  Result newSession(String session, String dir, Map<String, String> env, List<String> argv, String log, String hook) {
    List<String> a = new ArrayList<>(List.of("new-session", "-d", "-s", session, "-c", dir));
    env.forEach((k, v) -> a.addAll(List.of("-e", k + "=" + v)));
    a.addAll(argv);
    String target = "=" + session + ":";
    a.addAll(List.of(";", "set-option", "-p", "-t", target, "remain-on-exit", "on"));
    a.addAll(List.of(";", "set-hook", "-t", target, "pane-died", "run-shell -b " + tmuxQuote(hook)));
    a.addAll(List.of(";", "pipe-pane", "-t", target, log));
    a.addAll(List.of(";", "display-message", "-p", "-t", target, "#{pane_pid}"));
    return run(a);
  }

  /**
   * Restarts a dead pane; fails (and starts nothing) when the pane is still running, unless {@code
   * kill}, which first ends whatever still holds the pane's terminal.
   */
  Result respawn(String session, String dir, Map<String, String> env, List<String> argv, String log, boolean kill) {
    String target = "=" + session + ":";
    List<String> a = new ArrayList<>(List.of("respawn-pane", "-t", target, "-c", dir));
    if (kill) {
      a.add("-k");
    }
    env.forEach((k, v) -> a.addAll(List.of("-e", k + "=" + v)));
    a.addAll(argv);
    a.addAll(List.of(";", "pipe-pane", "-t", target, log));
    a.addAll(List.of(";", "display-message", "-p", "-t", target, "#{pane_pid}"));
    return run(a);
  }

  Result killSession(String session) {
    return run("kill-session", "-t", "=" + session);
  }

  /** Quotes a word for a POSIX shell. */
  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Quotes a word for tmux's own command parser. */
  static String tmuxQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
