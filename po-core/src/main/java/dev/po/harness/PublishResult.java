package dev.po.harness;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link HarnessPublisher#publish} did.
 *
 * @param repository the bare repository
 * @param tag the tag now naming {@code commit}
 * @param commit the commit holding the published files
 * @param files how many files the commit holds
 * @param createdRepository whether the bare repository was made by this call
 * @param committed whether a new commit was made (false when the files were already the tip)
 * @param tagged whether the tag was made by this call (false when it already named the commit)
 */
public record PublishResult(
    Path repository, String tag, String commit, int files, boolean createdRepository, boolean committed, boolean tagged) {
  public PublishResult {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(commit, "commit");
  }
}
