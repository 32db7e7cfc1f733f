package dev.po.harness;

import dev.po.PoException;
import dev.po.fleet.InvalidValueException;
import dev.po.fleet.Names;
import dev.po.git.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Publishes a harness folder as a harness repository: a bare git repository whose root is the
 * folder's content (so a project's {@code engine/agents} exists), with branch {@code main} and an
 * annotated tag per publication.
 *
 * <pre>{@code
 * PublishResult r = HarnessPublisher.publish(Path.of("engine"), Path.of("/srv/git/agent-orchestrator.git"), "v0.1.0");
 * // then in fleet.toml: [harnesses.agent-orchestrator] url = "/srv/git/agent-orchestrator.git"
 * }</pre>
 *
 * <p>The files published are the folder's regular files, executables and links, except build
 * output ({@code target/}), the harness's runtime state ({@code .ao-state/}) and any {@code .git}.
 * Publishing unchanged files again adds no commit; a tag is never moved.
 */
public final class HarnessPublisher {
  /** The branch each publication advances. */
  public static final String BRANCH = "main";

  private static final Set<String> SKIPPED_AT_TOP = Set.of("target", ".ao-state");

  private HarnessPublisher() {}

  /**
   * Commits the content of {@code harnessDir} on {@code main} of the bare repository {@code
   * bareRepo} (made when missing) and tags that commit {@code tag}. Refuses a tag that already names
   * another commit.
   */
  public static PublishResult publish(Path harnessDir, Path bareRepo, String tag) {
    if (!Files.isDirectory(harnessDir)) {
      throw new PoException("harness folder " + harnessDir + " is not a folder");
    }
    if (!Files.isRegularFile(harnessDir.resolve("agents"))) {
      throw new PoException("harness folder " + harnessDir + " has no agents launcher");
    }
    if (tag == null || !Names.isValidRef(tag)) {
      // as git tag checks a name, and a registry ref is checked: a tag that cannot be pinned is no use
      throw new InvalidValueException("invalid tag '" + tag + "': use a name git accepts for a tag, such as v0.1.0"
          + " (not HEAD, no leading -, no ~ ^ : .. or spaces)");
    }
    if (tag.equals(BRANCH)) {
      throw new InvalidValueException("tag '" + tag + "' would shadow the branch " + BRANCH
          + ": a ref naming both means the tag, so the branch could never be pinned; choose another tag");
    }
    boolean create = !Files.exists(bareRepo);
    try (Repository repo = open(bareRepo, create); ObjectInserter ins = repo.newObjectInserter()) {
      int[] count = {0};
      ObjectId tree = tree(ins, harnessDir, true, count);
      String branch = Constants.R_HEADS + BRANCH;
      ObjectId tip = repo.resolve(branch);
      PersonIdent who = Identity.of(repo);
      ObjectId commit = tip;
      boolean committed = false;
      try (RevWalk walk = new RevWalk(repo)) {
        if (tip == null || !walk.parseCommit(tip).getTree().getId().equals(tree)) {
          CommitBuilder c = new CommitBuilder();
          c.setTreeId(tree);
          if (tip != null) {
            c.setParentId(tip);
          }
          c.setAuthor(who);
          c.setCommitter(who);
          c.setMessage("Publish harness " + tag + "\n");
          commit = ins.insert(c);
          committed = true;
        }
        if (repo.exactRef(Constants.R_HEADS + tag) != null) {
          throw new InvalidValueException("tag '" + tag + "' would shadow the branch " + tag + " in " + bareRepo
              + ": a ref naming both means the tag, so the branch could never be pinned; choose another tag");
        }
        ObjectId existing = repo.resolve(Constants.R_TAGS + tag);
        boolean tagged = false;
        if (existing != null) {
          RevCommit named = walk.parseCommit(existing);
          if (!named.getId().equals(commit)) {
            throw new PoException(
                "tag " + tag + " already names " + named.getId().name() + " in " + bareRepo
                    + "; tags are never moved, publish under a new tag");
          }
        } else {
          TagBuilder t = new TagBuilder();
          t.setObjectId(commit, Constants.OBJ_COMMIT);
          t.setTag(tag);
          t.setTagger(who);
          t.setMessage("harness " + tag + "\n");
          ObjectId tagId = ins.insert(t);
          ins.flush();
          update(repo, Constants.R_TAGS + tag, tagId, null);
          tagged = true;
        }
        ins.flush();
        if (committed) {
          update(repo, branch, commit, tip);
        }
        return new PublishResult(bareRepo, tag, commit.name(), count[0], create, committed, tagged);
      }
    } catch (IOException e) {
      throw new PoException("cannot publish " + harnessDir + " to " + bareRepo + ": " + e.getMessage(), e);
    }
  }

  private static Repository open(Path bare, boolean create) throws IOException {
    if (create) {
      try {
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch(BRANCH).call().close();
      } catch (GitAPIException e) {
        throw new IOException(e.getMessage(), e);
      }
    } else if (!Files.isRegularFile(bare.resolve("HEAD")) || !Files.isDirectory(bare.resolve("objects"))) {
      throw new PoException(bare + " exists and is not a bare git repository");
    }
    return new FileRepositoryBuilder().setGitDir(bare.toFile()).setBare().build();
  }

  /** Writes the tree of {@code dir}; returns null for a folder with nothing to publish. */
  private static ObjectId tree(ObjectInserter ins, Path dir, boolean top, int[] count) throws IOException {
    List<Path> children;
    try (Stream<Path> s = Files.list(dir)) {
      children = new ArrayList<>(s.toList());
    }
    List<Object[]> entries = new ArrayList<>(); // {name, mode, id}
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (name.equals(Constants.DOT_GIT) || (top && SKIPPED_AT_TOP.contains(name))) {
        continue;
      }
      if (Files.isSymbolicLink(child)) {
        byte[] target = Files.readSymbolicLink(child).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        entries.add(new Object[] {name, FileMode.SYMLINK, ins.insert(Constants.OBJ_BLOB, target)});
        count[0]++;
      } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        ObjectId sub = tree(ins, child, false, count);
        if (sub != null) {
          entries.add(new Object[] {name, FileMode.TREE, sub});
        }
      } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
        FileMode mode = Files.isExecutable(child) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
        entries.add(new Object[] {name, mode, ins.insert(Constants.OBJ_BLOB, Files.readAllBytes(child))});
        count[0]++;
      }
    }
    if (entries.isEmpty()) {
      return null;
    }
    // git orders tree entries by name, comparing a folder as if its name ended in '/'.
    entries.sort((a, b) -> sortKey(a).compareTo(sortKey(b)));
    TreeFormatter f = new TreeFormatter();
    for (Object[] e : entries) {
      f.append((String) e[0], (FileMode) e[1], (ObjectId) e[2]);
    }
    return ins.insert(f);
  }

  private static String sortKey(Object[] e) {
    return e[1] == FileMode.TREE ? e[0] + "/" : (String) e[0];
  }

  private static void update(Repository repo, String ref, ObjectId to, ObjectId expected) throws IOException {
    RefUpdate u = repo.updateRef(ref);
    u.setNewObjectId(to);
    u.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
    u.setRefLogMessage("publish", false);
    RefUpdate.Result r = u.update();
    if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FAST_FORWARD && r != RefUpdate.Result.FORCED) {
      throw new IOException("could not update " + ref + ": " + r);
    }
  }
}
