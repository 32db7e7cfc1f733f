package dev.po.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Opens repositories exactly where asked: never a parent folder's, never from the environment. */
final class Repos {
  private Repos() {}

  /** The repository whose work tree is {@code root}, or {@code null} when {@code root/.git} is absent or unusable. */
  static Repository openWorkTree(Path root) {
    Path dotGit = root.resolve(".git");
    if (!Files.exists(dotGit)) {
      return null;
    }
    QuietSystem.install();
    try {
      // a .git file (submodule or worktree style) is followed by the builder
      return new FileRepositoryBuilder().setWorkTree(root.toFile()).setMustExist(true).build();
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The repository in git directory {@code gitDir}, or {@code null}. */
  static Repository openGitDir(Path gitDir) {
    if (!Files.isDirectory(gitDir)) {
      return null;
    }
    QuietSystem.install();
    try {
      return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
