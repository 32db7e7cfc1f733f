package dev.po.testing;

import static dev.po.testing.GitCli.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A project repository made in a temp folder with the real git CLI: {@code engine/} pinned at a ref. */
public final class ProjectRepo {
  private ProjectRepo() {}

  /**
   * Makes a git repository at {@code dir} with an {@code agents.toml}, a role file, and
   * {@code engine/} added as a submodule of {@code harnessUrl} checked out at {@code ref}, all in
   * one commit. Returns {@code dir}.
   */
  public static Path create(Path dir, String harnessUrl, String ref) {
    try {
      Files.createDirectories(dir);
      git(dir, "init", "-q", "-b", "main");
      Files.createDirectories(dir.resolve("prompts"));
      Files.writeString(dir.resolve("prompts/worker.md"), "You are the worker.\n");
      Files.writeString(
          dir.resolve("agents.toml"),
          "[agents.worker]\nprompt = \"prompts/worker.md\"\nwatch = \"heal\"\n");
      Files.writeString(dir.resolve(".gitignore"), ".ao-state/\n");
      git(dir, "submodule", "add", "-q", harnessUrl, "engine");
      git(dir.resolve("engine"), "checkout", "-q", ref);
      git(dir, "add", "-A");
      git(dir, "commit", "-q", "-m", "new project");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes a plain git repository with one commit and no engine submodule. */
  public static Path createWithoutEngine(Path dir) {
    try {
      Files.createDirectories(dir);
      git(dir, "init", "-q", "-b", "main");
      Files.writeString(dir.resolve("README.md"), "a project\n");
      git(dir, "add", "-A");
      git(dir, "commit", "-q", "-m", "init");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code path} (relative to the project) with {@code content} and commits it. Returns {@code dir}. */
  public static Path commitFile(Path dir, String path, String content) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      git(dir, "add", "--", path);
      git(dir, "commit", "-q", "-m", "add " + path);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves the engine gitlink in HEAD to {@code ref} of the harness and commits, as an update would. */
  public static void repin(Path dir, String ref) {
    git(dir.resolve("engine"), "checkout", "-q", ref);
    git(dir, "add", "engine");
    git(dir, "commit", "-q", "-m", "engine at " + ref);
  }

  /** The commit the engine gitlink in HEAD records. */
  public static String pin(Path dir) {
    return git(dir, "rev-parse", "HEAD:engine");
  }
}
