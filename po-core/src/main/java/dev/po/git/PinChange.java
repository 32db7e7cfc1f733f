package dev.po.git;

import dev.po.PoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.submodule.SubmoduleWalk;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Internal: moves a project's {@code engine/} pin to another commit in steps that can all be undone.
 * {@link #open} records HEAD, the index and the engine checkout; {@link #restore()} puts them back
 * exactly. Not part of po-core's API.
 */
public final class PinChange implements AutoCloseable {
  private final Path root;
  private final Repository project;
  private final Repository engine;
  private final String headRef; // the branch HEAD names, or HEAD itself when detached
  private final ObjectId head;
  private final byte[] index;
  private final String engineHead; // a branch name, or a commit id when detached
  private boolean moved;

  private PinChange(Path root, Repository project, Repository engine) throws IOException {
    this.root = root;
    this.project = project;
    this.engine = engine;
    Ref h = project.exactRef(Constants.HEAD);
    this.headRef = h.isSymbolic() ? h.getTarget().getName() : Constants.HEAD;
    this.head = h.getObjectId();
    Path indexFile = project.getIndexFile().toPath();
    this.index = Files.exists(indexFile) ? Files.readAllBytes(indexFile) : null;
    Ref eh = engine.exactRef(Constants.HEAD);
    this.engineHead = eh.isSymbolic() ? eh.getTarget().getName() : eh.getObjectId().name();
  }

  /** Opens the project at {@code root} and records its state; throws when it has no engine. */
  public static PinChange open(Path root) {
    Repository project = null;
    try {
      // the same reading of a location as status and validate: a .git folder, or a .git file
      // naming one (a worktree)
      Path gitDir = ProjectRepos.gitDir(root);
      if (gitDir == null) {
        throw new PoException(root + " is not a git repository");
      }
      project = new FileRepositoryBuilder().setWorkTree(root.toFile()).setGitDir(gitDir.toFile()).setMustExist(true).build();
      Repository engine = SubmoduleWalk.getSubmoduleRepository(project, ProjectRepos.ENGINE);
      if (engine == null) {
        throw new PoException(root + " has no engine/ submodule checked out (git submodule update --init)");
      }
      if (project.resolve(Constants.HEAD) == null) {
        engine.close();
        throw new PoException(root + " has no commit yet");
      }
      return new PinChange(root, project, engine);
    } catch (IOException e) {
      if (project != null) {
        project.close();
      }
      throw new PoException("cannot open the git repository " + root + ": " + e.getMessage(), e);
    } catch (PoException e) {
      if (project != null) {
        project.close();
      }
      throw e;
    }
  }

  /** Why the pin must not be moved now: staged changes in the project, local edits in engine/. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    try (Git p = Git.wrap(project); Git e = Git.wrap(engine)) {
      Status s = p.status().setIgnoreSubmodules(SubmoduleWalk.IgnoreSubmoduleMode.DIRTY).call();
      List<String> staged = new ArrayList<>(s.getAdded());
      staged.addAll(s.getChanged());
      staged.addAll(s.getRemoved());
      if (!staged.isEmpty()) {
        out.add("the project has staged changes (" + String.join(", ", staged.stream().sorted().limit(5).toList()) + ")");
      }
      Status es = e.status().call();
      if (es.hasUncommittedChanges()) {
        List<String> dirty = new ArrayList<>(es.getUncommittedChanges());
        out.add("engine/ has local changes (" + String.join(", ", dirty.stream().sorted().limit(5).toList()) + ")");
      }
    } catch (GitAPIException | RuntimeException ex) {
      throw new PoException("git status in " + root + " failed: " + ProjectRepos.why(ex), ex);
    }
    return out;
  }

  /** The commit the engine gitlink in HEAD records, or null. */
  public String pinned() {
    try {
      ObjectId id = project.resolve(Constants.HEAD + ":" + ProjectRepos.ENGINE);
      return id == null ? null : id.name();
    } catch (IOException e) {
      throw new PoException("cannot read HEAD:engine in " + root + ": " + e.getMessage(), e);
    }
  }

  /** Fetches branches and tags from engine/'s origin. */
  public void fetch() {
    try (Git e = Git.wrap(engine)) {
      e.fetch().setRemote("origin").setTagOpt(TagOpt.FETCH_TAGS).call();
    } catch (GitAPIException | RuntimeException ex) {
      throw new PoException("git fetch origin in " + root.resolve(ProjectRepos.ENGINE) + " failed: " + ProjectRepos.why(ex), ex);
    }
  }

  /** The commit {@code ref} names in engine/ ({@link RefLookup}'s order), or null. */
  public String resolve(String ref) {
    try {
      RefLookup.Found found = RefLookup.find(engine, ref);
      return found == null ? null : found.commit().name();
    } catch (IOException e) {
      throw new PoException("cannot resolve '" + ref + "' in " + root.resolve(ProjectRepos.ENGINE) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks engine/ out at {@code commit} and commits only the gitlink with {@code message}. Returns
   * the new project commit, or null when the pin already was {@code commit}.
   */
  public String pin(String commit, String message) {
    moved = true;
    try (Git e = Git.wrap(engine); Git p = Git.wrap(project)) {
      e.checkout().setName(commit).call();
      if (commit.equals(pinned())) {
        return null;
      }
      p.add().addFilepattern(ProjectRepos.ENGINE).call();
      PersonIdent who = Identity.of(project);
      RevCommit c =
          p.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
      return c.name();
    } catch (GitAPIException | RuntimeException ex) {
      throw new PoException("git checkout " + commit + " and commit engine in " + root + " failed: " + ProjectRepos.why(ex), ex);
    }
  }

  /** Puts HEAD, the index and engine/'s checkout back as {@link #open} found them. */
  public void restore() {
    if (!moved) {
      return;
    }
    try {
      ObjectId now = project.resolve(headRef);
      if (!head.equals(now)) {
        RefUpdate u = project.updateRef(headRef, !headRef.startsWith(Constants.R_HEADS));
        u.setNewObjectId(head);
        u.setExpectedOldObjectId(now);
        u.setForceUpdate(true);
        u.setRefLogMessage("restore: engine pin change undone", false);
        RefUpdate.Result r = u.update();
        if (r != RefUpdate.Result.FORCED && r != RefUpdate.Result.FAST_FORWARD && r != RefUpdate.Result.NO_CHANGE) {
          throw new IOException("update of " + headRef + " returned " + r);
        }
      }
      if (index != null) {
        // git's own protocol: write index.lock (made exclusively, so a running git is not
        // overwritten), then rename it over the index, so a reader sees one or the other
        Path indexFile = project.getIndexFile().toPath();
        Path lock = indexFile.resolveSibling(indexFile.getFileName() + ".lock");
        try {
          Files.write(lock, index, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
          throw new IOException(lock + " exists: another git is using the index", e);
        }
        try {
          Files.move(lock, indexFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(lock);
        }
      }
      try (Git e = Git.wrap(engine)) {
        String name = engineHead.startsWith(Constants.R_HEADS) ? engineHead.substring(Constants.R_HEADS.length()) : engineHead;
        e.checkout().setName(name).setForced(true).call();
      }
    } catch (IOException | GitAPIException | RuntimeException ex) {
      throw new PoException("could not restore " + root + " (HEAD was " + head.name() + ", engine at " + engineHead + "): " + ProjectRepos.why(ex), ex);
    }
  }

  @Override
  public void close() {
    engine.close();
    project.close();
  }
}
