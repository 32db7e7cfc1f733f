package dev.po.project;

import java.util.Objects;

/**
 * What {@link UpdateCommand#call()} did.
 *
 * @param project the project name
 * @param fromRef the ref the registry pinned before
 * @param toRef the ref the registry pins now
 * @param fromCommit the engine commit recorded before
 * @param toCommit the engine commit recorded now
 * @param commit the project commit that moved the pin, or {@code null} when the pin was already
 *     {@code toCommit} (only the registry changed)
 * @param restarted whether the harness was restarted afterwards
 */
public record UpdateResult(
    String project, String fromRef, String toRef, String fromCommit, String toCommit, String commit, boolean restarted) {
  public UpdateResult {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(fromRef, "fromRef");
    Objects.requireNonNull(toRef, "toRef");
    Objects.requireNonNull(toCommit, "toCommit");
  }

  /** Whether a project commit was made. */
  public boolean committed() {
    return commit != null;
  }
}
