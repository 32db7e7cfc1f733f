package dev.po.git;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/** Ref lookups in a local repository, in the order git's rev-parse uses for the names we accept. */
final class RefLookup {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{4,40}");

  record Found(ObjectId commit, boolean tag) {}

  private RefLookup() {}

  static boolean isHex(String ref) {
    return HEX.matcher(ref).matches();
  }

  /** {@code ref} as a tag, a local branch, an origin branch, or a commit; {@code null} when not here. */
  static Found local(Repository repo, String ref) {
    try (RevWalk rw = new RevWalk(repo)) {
      String[] names = {Constants.R_TAGS + ref, Constants.R_HEADS + ref, Constants.R_REMOTES + "origin/" + ref};
      for (String name : names) {
        Ref r = repo.getRefDatabase().exactRef(name);
        if (r != null && r.getObjectId() != null) {
          return new Found(rw.parseCommit(r.getObjectId()).copy(), name.startsWith(Constants.R_TAGS));
        }
      }
      if (isHex(ref)) {
        ObjectId id = repo.resolve(ref);
        if (id != null) {
          return new Found(rw.parseCommit(id).copy(), ref.length() == 40);
        }
      }
      return null;
    } catch (MissingObjectException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      // an ambiguous abbreviation or an unreadable repository: let the harness repository answer
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
