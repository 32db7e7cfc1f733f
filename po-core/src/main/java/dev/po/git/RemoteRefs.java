package dev.po.git;

import dev.po.PoException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;

/** The refs a harness repository advertises, listed at most once per URL (JGit's ls-remote, in process). */
final class RemoteRefs {
  /** A URL's refs, or why they could not be listed: a failure is remembered too, not retried per project. */
  private record Listing(Map<String, Ref> refs, PoException failure) {}

  private final Map<String, Listing> listed = new ConcurrentHashMap<>();

  /** The commit {@code ref} names at {@code url}, or {@code null} when it advertises no such tag or branch. */
  ObjectId resolve(String url, String ref) {
    Map<String, Ref> refs = list(url);
    for (String name : RefLookup.harnessNames(ref)) {
      Ref r = refs.get(name);
      if (r != null) {
        return r.getPeeledObjectId() != null ? r.getPeeledObjectId() : r.getObjectId();
      }
    }
    if (ref.length() == Constants.OBJECT_ID_STRING_LENGTH && RefLookup.isHex(ref)) {
      return ObjectId.fromString(ref);
    }
    return null;
  }

  /**
   * Adds the tags of {@code url} to {@code into}: when this run listed it already, or, with {@code
   * list}, after listing it now. A URL that cannot be listed adds nothing.
   */
  void tagsInto(String url, Map<ObjectId, Set<String>> into, boolean list) {
    if (list) {
      try {
        list(url);
      } catch (PoException e) {
        return;
      }
    }
    Listing listing = listed.get(url);
    if (listing == null || listing.refs() == null) {
      return;
    }
    for (Ref r : listing.refs().values()) {
      if (r.getName().startsWith(Constants.R_TAGS)) {
        ObjectId id = r.getPeeledObjectId() != null ? r.getPeeledObjectId() : r.getObjectId();
        into.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(r.getName().substring(Constants.R_TAGS.length()));
      }
    }
  }

  private Map<String, Ref> list(String url) {
    Listing listing = listed.computeIfAbsent(url, u -> {
      QuietSystem.install();
      try {
        return new Listing(Git.lsRemoteRepository().setRemote(u).setHeads(false).setTags(false).callAsMap(), null);
      } catch (GitAPIException | RuntimeException e) {
        return new Listing(null,
            new PoException("cannot list the refs of harness repository " + u + ": " + e.getMessage(), e));
      }
    });
    if (listing.failure() != null) {
      throw listing.failure();
    }
    return listing.refs();
  }
}
