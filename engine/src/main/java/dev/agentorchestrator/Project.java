package dev.agentorchestrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A project root and the files the harness keeps under {@code .ao-state/}. */
final class Project {

  private final Path root;

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

  /** The tmux session of an agent: {@code <project-folder>-<agent>}, with only [A-Za-z0-9_-]. */
  String session(String agent) {
    Path name = root.getFileName();
    return sessionName(name == null ? "root" : name.toString(), agent);
  }

  static String sessionName(String folder, String agent) {
    return (folder + "-" + agent).replaceAll("[^A-Za-z0-9_-]", "-");
  }

  void createDirs() {
    try {
      Files.createDirectories(logs());
      Files.createDirectories(inbox());
    } catch (IOException e) {
      throw new HarnessException("cannot create " + stateDir() + ": " + e.getMessage());
    }
  }

  /** Replaces {@code file} with {@code content} so that a reader never sees half a file. */
  static void writeAtomically(Path file, String content) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp" + ProcessHandle.current().pid());
    try {
      Files.writeString(tmp, content);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
