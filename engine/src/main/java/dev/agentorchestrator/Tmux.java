package dev.agentorchestrator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every tmux call of the harness. Uses the default server, or the socket named by {@code
 * AO_TMUX_SOCKET} ({@code tmux -L}). Sessions are always targeted exactly ({@code =name}), since
 * {@code -t ag} would also match a session called {@code agent}.
 */
final class Tmux {

  /**
   * One pane as seen by {@code list-panes -a}; {@code owner} is the {@code @ao-project} option of its
   * session, the identity of the project that made it ("" when none did).
   */
  record Pane(String session, long pid, boolean dead, Integer exit, String owner) {

    /**
     * Whether the agent's process runs. tmux keeps a pane open while any process holds its
     * terminal, so a pane whose first process died can still look alive to tmux.
     */
    boolean running() {
      return !dead && pid > 0 && Procs.alive(pid);
    }
  }

  /** The outcome of one tmux call, with its command line for messages. */
  record Result(List<String> argv, int exit, String out, String err) {
    boolean ok() {
      return exit == 0;
    }

    /** {@code tmux -L s kill-session -t =x exited 1: can't find session}, for failure messages. */
    String describe() {
      return String.join(" ", argv) + " exited " + exit + (err.isEmpty() ? "" : ": " + err);
    }
  }

  /** The session option naming the project that owns a session. */
  static final String OWNER_OPTION = "@ao-project";

  /**
   * How long one tmux call may take: a hung server must not stall the watchdog or a command for
   * ever. 10 s, or AO_TMUX_TIMEOUT_SECONDS.
   */
  static final long TIMEOUT_MILLIS = AgentState.secondsToMillis(System.getenv("AO_TMUX_TIMEOUT_SECONDS"), 10_000);

  private final String socket;

  Tmux(String socket) {
    this.socket = socket == null || socket.isBlank() ? null : socket;
  }


  /** The socket name, or null for the default server. */
  String socket() {
    return socket;
  }

  /** How a message names this server: {@code socket k5} or {@code the default server}. */
  String describeServer() {
    return describeServer(socket);
  }

  static String describeServer(String socket) {
    return socket == null ? "the default tmux server" : "tmux socket '" + socket + "'";
  }

  /** Runs one tmux command; throws when tmux cannot be run or does not answer within the bound. */
  Result run(List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add("tmux");
    if (socket != null) {
      argv.add("-L");
      argv.add(socket);
    }
    argv.addAll(args);
    Process p;
    try {
      ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Caller.forget(pb); // a tmux server started here gives its environment to the agents
      p = pb.start();
    } catch (IOException e) {
      throw new HarnessException("cannot run " + String.join(" ", argv) + ": " + e.getMessage());
    }
    // both streams are drained aside, so that a blocked read cannot outlive the bound
    CompletableFuture<String> out = drain(p.getInputStream());
    CompletableFuture<String> err = drain(p.getErrorStream());
    try {
      if (!p.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new HarnessException(String.join(" ", argv) + " did not answer within " + TIMEOUT_MILLIS / 1000.0
            + "s (a hung tmux server? AO_TMUX_TIMEOUT_SECONDS sets the bound)");
      }
      return new Result(List.copyOf(argv), p.exitValue(), out.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS),
          err.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).strip());
    } catch (ExecutionException | TimeoutException e) {
      throw new HarnessException("cannot read the output of " + String.join(" ", argv) + ": " + e);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted while running " + String.join(" ", argv));
    }
  }

  private static CompletableFuture<String> drain(InputStream in) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try (in) {
        text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        text.completeExceptionally(e);
      }
    }, "tmux-output");
    t.setDaemon(true);
    t.start();
    return text;
  }

  Result run(String... args) {
    return run(List.of(args));
  }

  /** All panes of the server, by session name, in one call; empty when no server runs. */
  Map<String, Pane> panes() {
    Result r = run("list-panes", "-a", "-F",
        "#{session_name}\t#{pane_pid}\t#{pane_dead}\t#{pane_dead_status}\t#{pane_dead_signal}\t#{" + OWNER_OPTION + "}");
    Map<String, Pane> panes = new HashMap<>();
    if (!r.ok()) {
      return panes; // no server running: no panes
    }
    for (String line : r.out().split("\n")) {
      String[] f = line.split("\t", -1);
      if (f.length < 6 || panes.containsKey(f[0])) {
        continue;
      }
      long pid = f[1].isEmpty() ? 0 : Long.parseLong(f[1]);
      // a process killed by a signal reports 128 + signal, as a shell would
      Integer exit = !f[3].isEmpty() ? Integer.valueOf(f[3]) : !f[4].isEmpty() ? 128 + Integer.parseInt(f[4]) : null;
      panes.put(f[0], new Pane(f[0], pid, "1".equals(f[2]), exit, f[5]));
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
  Result newSession(String session, String owner, String dir, Map<String, String> env, List<String> argv, String log, String hook) {
    List<String> a = new ArrayList<>(List.of("new-session", "-d", "-s", session, "-c", dir));
    env.forEach((k, v) -> a.addAll(List.of("-e", k + "=" + v)));
    a.addAll(argv);
    String target = "=" + session + ":";
    a.addAll(List.of(";", "set-option", "-t", target, OWNER_OPTION, owner));
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

  /** Marks {@code session} as owned by {@code owner}: for a session made before sessions had owners. */
  Result claim(String session, String owner) {
    return run("set-option", "-t", "=" + session + ":", OWNER_OPTION, owner);
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
