package dev.po.project;

import java.util.Objects;

/**
 * What a rolling update did with one project.
 *
 * @param project the project name
 * @param outcome moved, failed, or not attempted (an earlier failure stopped the roll)
 * @param message one line: what moved, why it failed, or why it was not attempted
 * @param update what {@code po update} did, or {@code null} when it did not complete
 */
public record RollResult(String project, Outcome outcome, String message, UpdateResult update) {
  /** How one project fared in a rolling update. */
  public enum Outcome {
    MOVED,
    FAILED,
    NOT_ATTEMPTED;
  }

  public RollResult {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
  }
}
