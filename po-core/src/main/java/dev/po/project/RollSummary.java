package dev.po.project;

import java.util.List;
import java.util.Objects;

/**
 * What one rolling update did: a result per project it chose, in registry order.
 *
 * @param fromRef the ref the chosen projects were at
 * @param toRef the ref they were moved to
 * @param results one per chosen project
 */
public record RollSummary(String fromRef, String toRef, List<RollResult> results) {
  public RollSummary {
    Objects.requireNonNull(fromRef, "fromRef");
    Objects.requireNonNull(toRef, "toRef");
    results = List.copyOf(results);
  }

  public List<RollResult> moved() {
    return with(RollResult.Outcome.MOVED);
  }

  public List<RollResult> failed() {
    return with(RollResult.Outcome.FAILED);
  }

  public List<RollResult> notAttempted() {
    return with(RollResult.Outcome.NOT_ATTEMPTED);
  }

  /** Whether no project failed. */
  public boolean ok() {
    return failed().isEmpty();
  }

  /** One line such as {@code moved 3, failed 1, not attempted 2}. */
  public String line() {
    return "moved " + moved().size() + ", failed " + failed().size() + ", not attempted " + notAttempted().size();
  }

  private List<RollResult> with(RollResult.Outcome o) {
    return results.stream().filter(r -> r.outcome() == o).toList();
  }
}
