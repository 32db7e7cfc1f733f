package dev.po.git;

import dev.po.PoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads engine pins and resolves refs for one operation (a status or a validation), in process.
 * Holds that operation's caches, so make one per operation; it is safe to share between threads.
 *
 * <p>A ref is looked up first in the project's own engine submodule repository, which is local and
 * usually has every tag; only when it is not found there is the harness URL asked (ls-remote, at
 * most once per URL in the life of this reader). Both in {@link RefLookup}'s one order.
 */
public final class EngineReader {
  private final RemoteRefs remote = new RemoteRefs();
  /** Tags never move once published: one project's lookup serves every project of the same harness. */
  private final Map<String, ObjectId> tagCache = new ConcurrentHashMap<>();
  /** Commit to tag names, per harness URL, merged from every repository read so far. */
  private final Map<String, Map<ObjectId, Set<String>>> tagNames = new ConcurrentHashMap<>();

  /** How sound {@code root} is, and its engine pin. */
  public Inspection inspect(Path root) {
    if (!Files.isDirectory(root)) {
      return new Inspection(root, Files.exists(root) ? Inspection.Kind.NOT_A_REPOSITORY : Inspection.Kind.MISSING,
          null, null);
    }
    Inspection fast = LooseInspect.inspect(root);
    return fast != null ? fast : inspectWithJGit(root);
  }

  /** The slow, general path: any repository JGit can open. */
  Inspection inspectWithJGit(Path root) {
    if (!Files.isDirectory(root)) {
      return new Inspection(root, Files.exists(root) ? Inspection.Kind.NOT_A_REPOSITORY : Inspection.Kind.MISSING,
          null, null);
    }
    try (Repository repo = Repos.openWorkTree(root)) {
      if (repo == null) {
        return new Inspection(root, Inspection.Kind.NOT_A_REPOSITORY, null, null);
      }
      ObjectId head = repo.resolve(Constants.HEAD);
      if (head == null) {
        return new Inspection(root, Inspection.Kind.NO_ENGINE, null, null);
      }
      try (RevWalk rw = new RevWalk(repo)) {
        RevCommit commit = rw.parseCommit(head);
        String name = engineModuleName(repo, commit);
        ObjectId pin = gitlink(repo, commit);
        if (name == null || pin == null) {
          return new Inspection(root, Inspection.Kind.NO_ENGINE, null, null);
        }
        return new Inspection(root, Inspection.Kind.SOUND, pin.name(), engineGitDir(repo, root, name));
      }
    } catch (IOException | RuntimeException e) {
      return new Inspection(root, Inspection.Kind.NOT_A_REPOSITORY, null, null);
    }
  }

  /**
   * The commit {@code ref} names for the harness at {@code url}, or {@code null} when neither the
   * project's engine repository nor the harness repository knows it.
   *
   * @throws PoException when the harness repository must be asked and cannot be read
   */
  public String resolve(Inspection project, String url, String ref) {
    String key = url + "\n" + ref;
    ObjectId cached = tagCache.get(key);
    if (cached != null) {
      return cached.name();
    }
    if (project.engineGitDir() != null) {
      RefLookup.Found fast = LooseRefs.find(project.engineGitDir(), ref);
      if (fast != null) {
        if (fast.tag()) {
          tagCache.put(key, fast.commit());
        }
        return fast.commit().name();
      }
      try (Repository engine = Repos.openGitDir(project.engineGitDir())) {
        if (engine != null) {
          RefLookup.Found found = RefLookup.local(engine, ref);
          if (found != null) {
            if (found.tag()) {
              tagCache.put(key, found.commit());
            }
            return found.commit().name();
          }
        }
      }
    }
    ObjectId id = remote.resolve(url, ref);
    if (id == null && RefLookup.isCommitId(ref) && project.pin() != null && project.pin().startsWith(ref)) {
      // a commit the harness does not advertise: it can only be checked against the pin
      return project.pin();
    }
    return id == null ? null : id.name();
  }

  /**
   * A tag at {@code commit} for display (the project's own ref when it is one), else the short commit.
   * The tags come from the engine repositories read so far; a project that has none of its own
   * lists the harness URL (once per reader), one that has reads it only when this reader did anyway.
   */
  public String nameOf(Inspection project, String url, String commit, String ref) {
    ObjectId id = ObjectId.fromString(commit);
    Map<ObjectId, Set<String>> names = tagNames.computeIfAbsent(url, u -> new ConcurrentHashMap<>());
    if (!names.containsKey(id) && project.engineGitDir() != null) {
      Map<String, java.util.List<String>> fast = LooseRefs.tags(project.engineGitDir());
      if (fast != null) {
        fast.forEach((c, tags) -> names.computeIfAbsent(ObjectId.fromString(c), k -> ConcurrentHashMap.newKeySet()).addAll(tags));
      }
    }
    if (!names.containsKey(id) && project.engineGitDir() != null) {
      try (Repository engine = Repos.openGitDir(project.engineGitDir())) {
        if (engine != null) {
          RefLookup.tagsInto(engine, names);
        }
      }
    }
    if (!names.containsKey(id)) {
      // a project without its own engine repository asks the harness, so that what it shows does
      // not hang on which other project of the same harness was read first
      remote.tagsInto(url, names, project.engineGitDir() == null);
    }
    Set<String> tags = names.get(id);
    if (tags == null || tags.isEmpty()) {
      return commit.substring(0, 7);
    }
    return tags.contains(ref) ? ref : new TreeSet<>(tags).last();
  }

  private static ObjectId gitlink(Repository repo, RevCommit commit) throws IOException {
    try (TreeWalk tw = TreeWalk.forPath(repo, "engine", commit.getTree())) {
      return tw != null && tw.getFileMode(0) == FileMode.GITLINK ? tw.getObjectId(0) : null;
    }
  }

  /** The name of the submodule whose path is {@code engine} in HEAD's .gitmodules, or {@code null}. */
  private static String engineModuleName(Repository repo, RevCommit commit) throws IOException {
    try (TreeWalk tw = TreeWalk.forPath(repo, Constants.DOT_GIT_MODULES, commit.getTree())) {
      if (tw == null) {
        return null;
      }
      return LooseInspect.engineModuleName(
          new String(repo.open(tw.getObjectId(0)).getBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static Path engineGitDir(Repository repo, Path root, String name) throws IOException {
    return LooseInspect.engineGitDir(repo.getDirectory().toPath(), root, name);
  }

  /**
   * Why the repository at {@code url} cannot be listed from here, or {@code null} when it can;
   * listed once per reader, like every harness lookup.
   */
  public String unreadable(String url) {
    try {
      remote.resolve(url, "HEAD");
      return null;
    } catch (dev.po.PoException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return cause.getMessage();
    }
  }
}
