package dev.po.project;

import java.util.List;
import java.util.Objects;

/**
 * What one {@code start} or {@code stop} over several projects did, one result per project in the
 * order they were named (or registered, for {@code --all}).
 */
public record LaunchSummary(Verb verb, List<LaunchResult> results) {
  public LaunchSummary {
    Objects.requireNonNull(verb, "verb");
    results = List.copyOf(results);
  }

  public List<LaunchResult> done() {
    return with(LaunchResult.Outcome.DONE);
  }

  public List<LaunchResult> skipped() {
    return with(LaunchResult.Outcome.SKIPPED);
  }

  public List<LaunchResult> failed() {
    return with(LaunchResult.Outcome.FAILED);
  }

  /** Whether no project failed. */
  public boolean ok() {
    return failed().isEmpty();
  }

  /** One line such as {@code started 3, skipped 1, failed 0}. */
  public String line() {
    String past = verb.done();
    return past + " " + done().size() + ", skipped " + skipped().size() + ", failed " + failed().size();
  }

  private List<LaunchResult> with(LaunchResult.Outcome o) {
    return results.stream().filter(r -> r.outcome() == o).toList();
  }
}
