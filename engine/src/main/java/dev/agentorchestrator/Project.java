package dev.agentorchestrator;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** A project root and the files the harness keeps under {@code .ao-state/}. */
final class Project {

  /** This process's pid, in the names of its temporary files. */
  private static final long PID = ProcessHandle.current().pid();

  private final Path root;
  private boolean locking;

  Project(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  Path stateDir() {
    return root.resolve(".ao-state");
  }

  Path logs() {
    return stateDir().resolve("logs");
  }

  Path log(String agent) {
    return logs().resolve(agent + ".log");
  }

  Path watchdogLog() {
    return logs().resolve("watchdog.log");
  }

  Path watchdogPid() {
    return stateDir().resolve("watchdog.pid");
  }

  Path statusJson() {
    return stateDir().resolve("status.json");
  }

  Path stateJson() {
    return stateDir().resolve("state.json");
  }

  /** Where the pane-died hook and {@code up} leave notes for the watchdog; watched with inotify. */
  Path inbox() {
    return stateDir().resolve("inbox");
  }

  Path wakeFile() {
    return inbox().resolve("pane-died");
  }

  /** The named pipe {@code agent} holds open for its life ({@link Lifelines}). */
  Path lifeline(String agent) {
    return stateDir().resolve("lifelines").resolve(agent);
  }

  Path tmuxRecord() {
    return stateDir().resolve(TmuxRecord.FILE);
  }

  /**
   * The session an agent had before sessions carried their project's identity: {@code
   * <folder>-<agent>}. Only used to adopt the agents such a harness left running.
   */
  String legacySession(String agent) {
    Path name = root.getFileName();
    return ((name == null ? "root" : name.toString()) + "-" + agent).replaceAll("[^A-Za-z0-9_-]", "-");
  }

  void createDirs() {
    try {
      Files.createDirectories(logs());
      Files.createDirectories(inbox());
    } catch (IOException e) {
      throw new HarnessException("cannot create " + stateDir() + ": " + e.getMessage());
    }
  }

  /**
   * Runs {@code action} holding {@code .ao-state/harness.lock}, so that concurrent ups and downs
   * take turns. Re-entrant: a verb that holds it may call what takes it again. Refused when the
   * program that ran the verb has ended meanwhile ({@link Caller}).
   */
  <T> T locked(java.util.function.Supplier<T> action) {
    if (locking) {
      return action.get();
    }
    Path lock = stateDir().resolve("harness.lock");
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      Caller.gone().ifPresent(why -> {
        throw new HarnessException(why);
      });
      locking = true;
      return action.get();
    } catch (IOException e) {
      throw new HarnessException("cannot lock " + lock + ": " + e.getMessage());
    } finally {
      locking = false;
    }
  }

  /**
   * Replaces {@code file} with {@code content} so that a reader never sees half a file. Through
   * {@code java.io}: the watchdog does this on every heartbeat, interpreted, and the same write
   * through NIO's files and channels ran several times the code. When the rename fails, NIO's move
   * is tried, for its reason.
   */
  static void writeAtomically(Path file, String content) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp" + PID);
    try {
      try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
      if (!tmp.toFile().renameTo(file.toFile())) {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
