package dev.agentorchestrator;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the watchdog learns of an agent's death the moment it happens, without tmux and without
 * polling. Each agent has a named pipe, {@code .ao-state/lifelines/AGENT}; the pane's command opens
 * it on descriptor {@value #FD} and then execs the agent, which so holds it open for its whole life.
 * A thread of the watchdog reads the pipe, blocked in the kernel; when the last process holding the
 * other end ends, the read returns end-of-file and the thread rings the watchdog's inbox.
 *
 * <p>tmux's pane-died hook is the other fast path, and the {@code /proc} backstop stays behind
 * both: the hook misses deaths (more so with pipe-pane), and a lifeline is late when the agent
 * passed the descriptor to a child that outlives it, or never rings when the agent closes it.
 * An idle lifeline costs no wake-up at all: its thread sleeps in {@code open} or {@code read}.
 */
final class Lifelines {

  /** The descriptor the agent holds its lifeline on: one a shell can name, and few programs use. */
  static final int FD = 9;

  private final Project project;
  private final Runnable ring;
  /** Agents whose lifeline a thread reads now. */
  private final Set<String> reading = ConcurrentHashMap.newKeySet();
  /** Agents whose lifeline ended since the watchdog last asked ({@link #ended}). */
  private final Set<String> ended = ConcurrentHashMap.newKeySet();

  Lifelines(Project project, Runnable ring) {
    this.project = project;
    this.ring = ring;
  }

  /**
   * The command that runs {@code argv} holding {@code agent}'s lifeline: {@code sh} opens the pipe
   * (when it is one) and execs the argv, so the pane's process is the agent's, as without it. The
   * argv is passed as arguments, never parsed by the shell.
   */
  static List<String> wrap(Path lifeline, List<String> argv) {
    List<String> wrapped = new ArrayList<>(List.of("sh", "-c",
        "[ -p \"$0\" ] && command exec " + FD + "<>\"$0\"; exec \"$@\"", lifeline.toString()));
    wrapped.addAll(argv);
    return wrapped;
  }

  /**
   * Makes sure {@code agent}'s lifeline is a named pipe and is read, before the agent is started.
   * Anything else at its path (a plain file, a pipe that cannot be made) leaves the agent to the
   * hook and the backstop; the reason is returned for the log, or {@code null} when all is well.
   */
  String arm(String agent) {
    if (reading.contains(agent)) {
      return null;
    }
    Path pipe = project.lifeline(agent);
    String problem = makePipe(pipe);
    if (problem != null) {
      return problem;
    }
    reading.add(agent);
    Thread t = new Thread(() -> readUntilGone(agent, pipe), "lifeline-" + agent);
    t.setDaemon(true);
    t.start();
    return null;
  }

  /** The agents whose lifeline ended since the last call. */
  Set<String> ended() {
    Set<String> now = Set.copyOf(ended);
    ended.removeAll(now);
    return now;
  }

  private void readUntilGone(String agent, Path pipe) {
    byte[] buffer = new byte[64];
    try {
      while (isPipe(pipe)) {
        // blocks until an agent holds the other end, then until every holder has ended
        try (FileInputStream in = new FileInputStream(pipe.toFile())) {
          while (in.read(buffer) >= 0) {
            // nobody is meant to write; whatever is written is dropped
          }
        }
        ended.add(agent);
        ring.run();
      }
    } catch (IOException e) {
      // gone or unreadable: the hook and the backstop still see this agent's deaths
    } finally {
      reading.remove(agent);
    }
  }

  private static boolean isPipe(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    } catch (IOException e) {
      return false;
    }
  }

  /** Makes {@code pipe} a named pipe, replacing whatever else is there; the reason it failed, or null. */
  private static String makePipe(Path pipe) {
    if (isPipe(pipe)) {
      return null;
    }
    try {
      Files.createDirectories(pipe.getParent());
      Files.deleteIfExists(pipe);
      Process p = new ProcessBuilder("mkfifo", "-m", "600", pipe.toString())
          .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      // its output ends when it does
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      int exit = p.waitFor();
      return exit == 0 && isPipe(pipe) ? null : "mkfifo " + pipe + " exited " + exit + ": " + out;
    } catch (IOException e) {
      return "cannot make " + pipe + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while making " + pipe;
    }
  }
}
