package dev.agentorchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What a watchdog does when its project folder is moved or deleted under it: it leaves a trace where
 * the operator will look, restarts nothing, and exits. Healing there would start agents outside
 * their project (tmux falls back to another folder), and writing its state would fail.
 *
 * <p>The watchdog's working folder is the project root, and the kernel keeps it pointing at the
 * folder wherever it is renamed to: that is how the watchdog finds a moved project.
 */
final class ProjectGone {

  private final Project project;
  private final Consumer<String> log;
  /**
   * The identity (device and inode) of the folder the watchdog runs in, taken once: it stays that
   * folder's wherever the folder goes, and its number cannot pass to another folder while the
   * watchdog holds it as its working folder. Null when it could not be read.
   */
  private final Object home;

  /** For a watchdog whose working folder is {@code project}'s root, logging to {@code log}. */
  ProjectGone(Project project, Consumer<String> log) {
    this.project = project;
    this.log = log;
    this.home = identity(Path.of("/proc/self/cwd"));
  }

  /**
   * Whether the project left {@code project.root()}; when it did, the trace is written. Asked at
   * every tick, so the usual answer costs one stat of the root, compared with the identity taken
   * at the start.
   */
  boolean check(TmuxRecord record) {
    if (home != null && home.equals(identity(project.root()))) {
      return false;
    }
    try {
      if (Files.isSameFile(Path.of("/proc/self/cwd"), project.root())) {
        return false;
      }
    } catch (IOException e) {
      // the root is gone: see below where the folder went
    }
    long pid = ProcessHandle.current().pid();
    Path now = Procs.cwd(pid);
    String sessions = record.agents().values().stream().map(TmuxRecord.Agent::session).collect(Collectors.joining(", "));
    String server = Tmux.describeServer(record.socket());
    if (now != null && !now.toString().endsWith(" (deleted)") && Files.isDirectory(now.resolve(".ao-state/logs"))) {
      String line = "the project folder moved from " + project.root() + " to " + now + "; the watchdog (pid " + pid
          + ") exits and restarts nothing. Its agents keep running in their sessions (" + sessions + ") on " + server
          + ": 'engine/agents up' in " + now + " watches them again, 'engine/agents down' there stops them";
      append(now.resolve(".ao-state/logs/watchdog.log"), line);
    } else {
      String socket = record.socket() == null ? "" : " -L " + record.socket();
      String line = "the project folder " + project.root() + " was deleted while its watchdog (pid " + pid
          + ") ran; the watchdog exits. Its agents may still run in the tmux sessions (" + sessions + ") on " + server
          + ": stop each with 'tmux" + socket + " kill-session -t =SESSION'";
      append(orphanLog(), line);
      log.accept(line);
    }
    return true;
  }

  /** The device and inode of {@code dir}, or null when it cannot be read. */
  private static Object identity(Path dir) {
    try {
      return Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Where a watchdog whose project was deleted leaves its trace:
   * {@code ${XDG_STATE_HOME:-$HOME/.local/state}/agent-orchestrator/watchdog.log}.
   */
  static Path orphanLog() {
    String state = System.getenv("XDG_STATE_HOME");
    Path dir = state != null && !state.isBlank() ? Path.of(state) : Path.of(System.getProperty("user.home"), ".local", "state");
    return dir.resolve("agent-orchestrator").resolve("watchdog.log");
  }

  private static void append(Path file, String message) {
    String line = Instant.now() + " " + message + "\n";
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.print(line);
    }
  }
}
