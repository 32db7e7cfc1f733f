package dev.po.testing;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The tmux server of a private test socket; never the default server. */
public final class Tmux {
  private Tmux() {}

  /** Kills the server on {@code socket} ({@code tmux -L socket kill-server}); fine if none runs. */
  public static void kill(String socket) {
    if (socket == null || !socket.startsWith("po-")) {
      throw new IllegalArgumentException("refusing to kill tmux socket '" + socket + "'");
    }
    try {
      Process p = new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      p.waitFor(30, TimeUnit.SECONDS);
      // kill-server leaves the socket file behind; it is ours, so tidy it too
      java.nio.file.Files.deleteIfExists(socketFile(socket));
    } catch (IOException | UnsupportedOperationException e) {
      // no tmux, or no socket file: nothing to kill
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Where tmux keeps the socket file of {@code socket} for this user. */
  public static java.nio.file.Path socketFile(String socket) throws IOException {
    String dir = System.getenv().getOrDefault("TMUX_TMPDIR", "/tmp");
    Object uid = java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self"), "unix:uid");
    return java.nio.file.Path.of(dir, "tmux-" + uid, socket);
  }

  /**
   * Whether a session named {@code session}, or starting with it, exists on {@code socket}: the
   * harness names sessions {@code <folder>-<agent>-<project identity>}, and tmux matches a prefix.
   */
  public static boolean hasSession(String socket, String session) {
    try {
      Process p = new ProcessBuilder("tmux", "-L", socket, "has-session", "-t", session)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Whether a tmux server answers on {@code socket}, waiting up to 10 s for it to go away. */
  public static boolean serverRunning(String socket) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      boolean running;
      try {
        Process p = new ProcessBuilder("tmux", "-L", socket, "list-sessions")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        running = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
      if (!running || System.nanoTime() > deadline) {
        return running;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
    }
  }
}
