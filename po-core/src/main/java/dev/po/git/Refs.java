package dev.po.git;

import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Resolves a ref as an operator writes it in a clone of a harness repository, for moving a pin.
 * Unlike {@link RefLookup#local}, which reads what a checkout already has, a remote branch wins over
 * a local branch of the same name here: after a fetch, the local one is stale.
 */
final class Refs {
  private Refs() {}

  /**
   * The commit {@code ref} names: a tag, else the remote branch (fresh after a fetch, unlike a local
   * branch of the same name), else anything git accepts (a commit id, {@code origin/x}, a full
   * ref). {@code null} when nothing matches.
   */
  static ObjectId commitOf(Repository clone, String ref) throws IOException {
    for (String candidate : List.of("refs/tags/" + ref, "refs/remotes/origin/" + ref, ref)) {
      try {
        ObjectId id = clone.resolve(candidate + "^{commit}");
        if (id != null) {
          return id;
        }
      } catch (RevisionSyntaxException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
        // Not a name git can read, or names a tree or blob: try the next reading.
      } catch (org.eclipse.jgit.errors.AmbiguousObjectException e) {
        return null;
      }
    }
    return null;
  }
}
