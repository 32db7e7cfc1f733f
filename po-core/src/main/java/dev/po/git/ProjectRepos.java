package dev.po.git;

import dev.po.PoException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.TextProgressMonitor;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Internal: makes a new project repository whose {@code engine/} is a submodule of a harness
 * repository pinned at a ref. Not part of po-core's API.
 */
public final class ProjectRepos {
  /** Where projects keep their harness checkout. */
  public static final String ENGINE = "engine";

  /**
   * What {@link #create} made.
   *
   * @param engineCommit the commit {@code engine/} is checked out at
   * @param commit the project's initial commit
   */
  public record Created(String engineCommit, String commit) {}

  private ProjectRepos() {}

  /**
   * Initializes a repository in the empty folder {@code dir}, writes {@code files} (relative path to
   * content), adds {@code engine/} as a submodule of {@code url}, checks it out at {@code ref} and
   * commits everything at once. On failure {@code dir} holds a partial repository: the caller made
   * the folder and removes it. The repository records only relative paths, so the folder can be
   * moved into place afterwards.
   */
  public static Created create(Path dir, String url, String ref, Map<String, String> files, String message) {
    return create(dir, url, ref, files, message, null);
  }

  /**
   * As {@link #create(Path, String, String, Map, String)}, writing JGit's clone and checkout
   * progress to {@code progress} (lines rewritten in place with carriage returns), or none when null.
   */
  public static Created create(
      Path dir, String url, String ref, Map<String, String> files, String message, Writer progress) {
    ProgressMonitor monitor = progress == null ? NullProgressMonitor.INSTANCE : new TextProgressMonitor(progress);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path p = dir.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.getValue());
      }
      String engineCommit;
      Repository engine;
      try {
        engine = git.submoduleAdd().setPath(ENGINE).setURI(url).setProgressMonitor(monitor).call();
      } catch (GitAPIException | RuntimeException e) {
        throw new PoException("git submodule add " + url + " " + ENGINE + " in " + dir + " failed: " + why(e), e);
      }
      try (Git eg = Git.wrap(engine)) {
        RefLookup.Found found = RefLookup.find(engine, ref);
        ObjectId target = found == null ? null : found.commit();
        if (target == null) {
          throw new PoException("no tag, branch or commit '" + ref + "' in " + url);
        }
        eg.checkout().setName(target.name()).setProgressMonitor(monitor).call();
        engineCommit = target.name();
      }
      relativize(dir);
      git.add().addFilepattern(".").call();
      PersonIdent who = Identity.of(git.getRepository());
      RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
      return new Created(engineCommit, c.name());
    } catch (GitAPIException e) {
      throw new PoException("git in " + dir + " failed: " + why(e), e);
    } catch (IOException e) {
      throw new PoException("cannot write the project in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * JGit records the submodule's git folder and work tree as absolute paths; git itself writes
   * relative ones. Relative paths let the folder be renamed into place, and later moved by hand.
   */
  static void relativize(Path dir) throws IOException {
    Files.writeString(
        dir.resolve(ENGINE).resolve(".git"),
        "gitdir: ../.git/modules/" + ENGINE + "\n",
        StandardCharsets.UTF_8);
    Path moduleGitDir = dir.resolve(".git/modules").resolve(ENGINE);
    try (Repository sub =
        new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
            .setGitDir(moduleGitDir.toFile())
            .setWorkTree(dir.resolve(ENGINE).toFile())
            .build()) {
      StoredConfig cfg = sub.getConfig();
      cfg.setString("core", null, "worktree", "../../../" + ENGINE);
      cfg.save();
    }
  }

  /**
   * The git directory of the work tree {@code root}: {@code root/.git}, or the folder a
   * {@code .git} file names (a worktree, a submodule); {@code null} when there is none.
   */
  public static Path gitDir(Path root) {
    try {
      return LooseInspect.gitDir(root);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static String why(Throwable e) {
    Throwable t = e;
    String msg = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        msg = t.getMessage();
      }
    }
    return msg == null ? e.getClass().getSimpleName() : msg;
  }
}
