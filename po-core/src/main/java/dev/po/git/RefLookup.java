package dev.po.git;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The one resolution of a registry ref, for create, update, status and validate alike. In a clone
 * of the harness (a project's {@code engine/} repository) a ref {@code R} is, in this order:
 *
 * <ol>
 *   <li>the tag {@code refs/tags/R};
 *   <li>the harness's branch as last fetched, {@code refs/remotes/origin/R} (never the clone's own
 *       {@code refs/heads/R}, which goes stale as the harness moves);
 *   <li>a commit id: 4 to 40 hex digits naming one commit.
 * </ol>
 *
 * Asked of the harness repository itself (ls-remote), the same order reads {@code refs/tags/R},
 * then {@code refs/heads/R}, then a full commit id. Nothing else (HEAD, {@code origin/R},
 * {@code R~1}, a full ref name) resolves.
 */
final class RefLookup {
  record Found(ObjectId commit, boolean tag) {}

  private RefLookup() {}

  /**
   * The names {@code ref} is looked up as in a clone of the harness, in order; none when
   * {@code ref} is not a name git allows, so that it never becomes a path outside {@code refs/}.
   */
  static List<String> cloneNames(String ref) {
    if (!Repository.isValidRefName(Constants.R_TAGS + ref)) {
      return List.of();
    }
    return List.of(Constants.R_TAGS + ref, Constants.R_REMOTES + "origin/" + ref);
  }

  /** The names {@code ref} is looked up as among the harness repository's own refs, in order. */
  static List<String> harnessNames(String ref) {
    if (!Repository.isValidRefName(Constants.R_TAGS + ref)) {
      return List.of();
    }
    return List.of(Constants.R_TAGS + ref, Constants.R_HEADS + ref);
  }

  /** Whether {@code s} is lowercase hex digits only (and not empty). */
  static boolean isHex(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code ref} can be read as a commit id, full or abbreviated. */
  static boolean isCommitId(String ref) {
    return ref.length() >= 4 && ref.length() <= Constants.OBJECT_ID_STRING_LENGTH && isHex(ref);
  }

  /**
   * {@code ref} in the clone {@code repo}, in the documented order; {@code null} when it names
   * nothing there or an abbreviation is ambiguous. {@code tag} says the answer never moves: a tag,
   * or a full commit id.
   */
  static Found find(Repository repo, String ref) throws IOException {
    try (RevWalk rw = new RevWalk(repo)) {
      for (String name : cloneNames(ref)) {
        Ref r = repo.getRefDatabase().exactRef(name);
        if (r != null && r.getObjectId() != null) {
          return new Found(rw.parseCommit(r.getObjectId()).copy(), name.startsWith(Constants.R_TAGS));
        }
      }
      if (isCommitId(ref) && !cloneNames(ref).isEmpty()) {
        try {
          ObjectId id = repo.resolve(ref + "^{commit}");
          if (id != null) {
            return new Found(id.copy(), ref.length() == Constants.OBJECT_ID_STRING_LENGTH);
          }
        } catch (AmbiguousObjectException | RevisionSyntaxException | IncorrectObjectTypeException e) {
          return null;
        }
      }
      return null;
    } catch (MissingObjectException | IncorrectObjectTypeException e) {
      // a ref to a tree or a blob, or to an object this clone lacks: not a commit here
      return null;
    }
  }

  /** {@link #find}, with an unreadable repository answering {@code null} so the harness can be asked. */
  static Found local(Repository repo, String ref) {
    try {
      return find(repo, ref);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Adds every tag of {@code repo} (peeled to its commit) to {@code into}. */
  static void tagsInto(Repository repo, Map<ObjectId, Set<String>> into) {
    try {
      for (Ref r : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
        Ref peeled = repo.getRefDatabase().peel(r);
        ObjectId id = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
        if (id != null) {
          into.computeIfAbsent(id.copy(), k -> ConcurrentHashMap.newKeySet())
              .add(r.getName().substring(Constants.R_TAGS.length()));
        }
      }
    } catch (IOException e) {
      // names are for display only; without them the short commit is shown
    }
  }
}
