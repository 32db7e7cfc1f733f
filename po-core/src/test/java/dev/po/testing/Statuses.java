package dev.po.testing;

import dev.po.project.HarnessState;
import dev.po.project.HarnessStatus;
import dev.po.project.ProjectStatus;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated project statuses for properties of their JSON shape: any field values a status can
 * hold (quotes, backslashes, line breaks and non-ASCII in the text, nulls where allowed, agents
 * in every recorded state, alive or not).
 */
public final class Statuses {
  private Statuses() {}

  /** Text as a file, a terminal or a registry may hold it; {@code null} too when {@code nullable}. */
  public static Arbitrary<String> text(boolean nullable) {
    Arbitrary<String> t = Arbitraries.strings().alpha().numeric().withChars(" \"\\\n\t\r/:@.-_é☃{}[],\u0001")
        .ofMaxLength(24);
    return nullable ? t.injectNull(0.2) : t;
  }

  /** An absolute, normalized path (as a status carries one). */
  public static Arbitrary<Path> paths() {
    return Arbitraries.strings().alpha().numeric().withChars(" .-_é\"'$").ofMinLength(1).ofMaxLength(8)
        .filter(s -> !s.equals(".") && !s.equals(".."))
        .list().ofMinSize(1).ofMaxSize(4)
        .map(parts -> Path.of("/" + String.join("/", parts)));
  }

  public static Arbitrary<HarnessStatus.Agent> agents() {
    return Combinators.combine(
            Arbitraries.strings().alpha().numeric().withChars("-_").ofMinLength(1).ofMaxLength(12),
            Arbitraries.of("heal", "off").injectNull(0.3),
            Arbitraries.of("running", "dead", "stopped", "backoff", "crashloop").injectNull(0.1),
            Arbitraries.longs().between(0, 4_194_304),
            Arbitraries.of(true, false),
            Arbitraries.longs().between(0, 10_000_000).injectNull(0.3),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.integers().between(0, 255).injectNull(0.4))
        .as(HarnessStatus.Agent::new);
  }

  public static Arbitrary<ProjectStatus> statuses() {
    Arbitrary<Object[]> head = Combinators.combine(
            Arbitraries.strings().alpha().numeric().withChars("-_").ofMinLength(1).ofMaxLength(20),
            Arbitraries.of(true, false), text(true), text(false), paths(), Arbitraries.of(true, false), text(true))
        .as((name, enabled, harness, ref, path, exists, problem) ->
            new Object[] {name, enabled, harness, ref, path, exists, problem});
    Arbitrary<String> commit = Arbitraries.strings().withChars("0123456789abcdef").ofLength(40).injectNull(0.3);
    return Combinators.combine(head, commit, text(true), Arbitraries.of(true, false),
            Arbitraries.of(HarnessState.class), Arbitraries.of("hosta", "build-02").injectNull(0.5),
            agents().list().ofMaxSize(3))
        .as((h, pin, pinName, drift, state, host, agents) -> new ProjectStatus((String) h[0], (Boolean) h[1],
            (String) h[2], (String) h[3], (Path) h[4], (Boolean) h[5], (String) h[6], pin, pinName, drift, state, host,
            agents));
  }

  /**
   * The status as its JSON can tell it: each agent as {@link HarnessStatus.Agent#toJson()} shows
   * it (its state as {@code stateNow}, no pid unless alive). A status read back from JSON equals
   * this.
   */
  public static ProjectStatus asShown(ProjectStatus s) {
    List<HarnessStatus.Agent> agents = s.agents().stream().map(a -> HarnessStatus.Agent.fromJson(a.toJson())).toList();
    return new ProjectStatus(s.name(), s.enabled(), s.harness(), s.ref(), s.path(), s.exists(), s.problem(), s.pin(),
        s.pinName(), s.drift(), s.state(), s.host(), agents);
  }
}
