package dev.po.project;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link CreateCommand#call()} made.
 *
 * @param name the project name
 * @param root the project's folder
 * @param harness the harness name
 * @param url the harness repository {@code engine/} was cloned from
 * @param ref the ref as given
 * @param engineCommit the full commit {@code engine/} is pinned at
 * @param commit the project's initial commit
 * @param registered whether the project was added to the registry
 * @param found whether the project was already there, exactly as this create makes it, left by a
 *     create that was killed before it registered it; only registered then
 */
public record CreateResult(
    String name,
    Path root,
    String harness,
    String url,
    String ref,
    String engineCommit,
    String commit,
    boolean registered,
    boolean found) {
  public CreateResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(harness, "harness");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(engineCommit, "engineCommit");
    Objects.requireNonNull(commit, "commit");
  }
}
