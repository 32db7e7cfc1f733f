package dev.po.project;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@code start} or {@code stop} did for one project.
 *
 * @param project the project name
 * @param verb start or stop
 * @param outcome done, skipped (with the reason in {@code message}) or failed
 * @param message one line: what was done, why it was skipped, or why it failed
 * @param output the end of the launcher's output; empty when it did not run
 * @param took how long the launcher ran; zero when it did not run
 */
public record LaunchResult(
    String project, Verb verb, Outcome outcome, String message, String output, Duration took) {
  /** How a project fared in one start or stop. */
  public enum Outcome {
    DONE,
    SKIPPED,
    FAILED;
  }

  public LaunchResult {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    output = output == null ? "" : output;
    took = took == null ? Duration.ZERO : took;
  }

  /** A project not launched, for {@code why}. */
  public static LaunchResult skipped(String project, Verb verb, String why) {
    return new LaunchResult(project, verb, Outcome.SKIPPED, why, "", Duration.ZERO);
  }

  /** A project whose launch failed before or without its launcher, for {@code why}. */
  public static LaunchResult failed(String project, Verb verb, String why) {
    return new LaunchResult(project, verb, Outcome.FAILED, why, "", Duration.ZERO);
  }

  public boolean failed() {
    return outcome == Outcome.FAILED;
  }
}
