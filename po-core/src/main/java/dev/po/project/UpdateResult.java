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
 * @param fromDrifted whether the pin before was not at {@code fromRef} (drift), so that {@code
 *     fromRef} does not name {@code fromCommit}
 */
public record UpdateResult(
    String project, String fromRef, String toRef, String fromCommit, String toCommit, String commit, boolean restarted,
    boolean fromDrifted) {
  public UpdateResult {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(fromRef, "fromRef");
    Objects.requireNonNull(toRef, "toRef");
    Objects.requireNonNull(toCommit, "toCommit");
  }

  /** The same, for a pin that was at {@code fromRef}. */
  public UpdateResult(
      String project, String fromRef, String toRef, String fromCommit, String toCommit, String commit, boolean restarted) {
    this(project, fromRef, toRef, fromCommit, toCommit, commit, restarted, false);
  }

  /**
   * The line {@code po update} and the scripts print: {@code alpha: engine v0.1.0 (5ac3991ab0c2) ->
   * v0.2.0 (696cb50e1f3a), committed 0d1e2f3a4b5c}; a drifted pin is named by its commit alone,
   * {@code engine 5ac3991ab0c2 (drifted from v0.1.0) -> ...}.
   */
  public String line() {
    String from = fromCommit == null ? "none" : fromCommit.substring(0, 12);
    return project + ": engine " + (fromDrifted ? from + " (drifted from " + fromRef + ")" : fromRef + " (" + from + ")")
        + " -> " + toRef + " (" + toCommit.substring(0, 12) + ")"
        + (committed() ? ", committed " + commit.substring(0, 12) : ", pin unchanged")
        + (restarted ? ", restarted" : "");
  }

  /** Whether a project commit was made. */
  public boolean committed() {
    return commit != null;
  }
}
