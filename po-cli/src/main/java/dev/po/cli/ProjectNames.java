package dev.po.cli;

import java.util.Iterator;
import java.util.List;

/**
 * The completion candidates of a NAME argument that names a registered project:
 * {@code @Parameters(paramLabel = "NAME", completionCandidates = ProjectNames.class)}. picocli
 * writes candidates into the completion script once, but projects come and go, so this yields one
 * placeholder that {@link CompletionCommand} turns into a call of {@code po completion names} at
 * the moment the operator presses TAB.
 */
public final class ProjectNames implements Iterable<String> {
  /** Stands for "the registry's project names" in the generated script. */
  static final String PLACEHOLDER = "PO_PROJECT_NAMES";

  @Override
  public Iterator<String> iterator() {
    return List.of(PLACEHOLDER).iterator();
  }
}
