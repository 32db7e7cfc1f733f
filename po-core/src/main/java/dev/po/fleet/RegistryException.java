package dev.po.fleet;

import dev.po.PoException;
import java.util.List;

/**
 * The registry file cannot be read, is not valid, or cannot be written. Carries every problem found;
 * the message is the first one (with a count of the rest).
 */
public class RegistryException extends PoException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public RegistryException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public RegistryException(Problem problem) {
    this(List.of(problem));
  }

  public RegistryException(Problem problem, Throwable cause) {
    super(problem.toString(), cause);
    this.problems = List.of(problem);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a RegistryException needs at least one problem");
    }
    String first = problems.get(0).toString();
    return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
  }
}
