package dev.agentorchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Two projects never build the same tmux session name, whatever their folder and agent names. */
class SessionNamesTest {

  @Provide
  Arbitrary<String> folders() {
    // any folder name a file system takes: dots, spaces, colons, non-ASCII, and the charset of agents
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab-_.:1 ").ofMinLength(1).ofMaxLength(12),
        Arbitraries.strings().all().excludeChars('/', '\0').ofMinLength(1).ofMaxLength(12));
  }

  @Provide
  Arbitrary<String> agents() {
    return Arbitraries.strings().withChars("ab-_1").ofMinLength(1).ofMaxLength(10);
  }

  @Provide
  Arbitrary<String> identities() {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(8);
  }

  private static TmuxRecord project(String folder, String id) {
    return new TmuxRecord(id, TmuxRecord.label(folder), Path.of("/p/any"), null, null, Map.of());
  }

  @Property(tries = 2000)
  void twoProjectsNeverShareASession(@ForAll("folders") String folder1, @ForAll("agents") String agent1,
      @ForAll("identities") String id1, @ForAll("folders") String folder2, @ForAll("agents") String agent2,
      @ForAll("identities") String id2) {
    Assume.that(!id1.equals(id2));
    assertNotEquals(project(folder1, id1).sessionOf(agent1), project(folder2, id2).sessionOf(agent2));
  }

  @Property(tries = 1000)
  void twoAgentsOfOneProjectNeverShareASession(@ForAll("folders") String folder, @ForAll("identities") String id,
      @ForAll("agents") String agent1, @ForAll("agents") String agent2) {
    Assume.that(!agent1.equals(agent2));
    TmuxRecord p = project(folder, id);
    assertNotEquals(p.sessionOf(agent1), p.sessionOf(agent2));
  }

  @Property(tries = 1000)
  void namesAreSafeForTmuxTargets(@ForAll("folders") String folder, @ForAll("agents") String agent, @ForAll("identities") String id) {
    String session = project(folder, id).sessionOf(agent);
    // '.' and ':' would be read as window and pane separators in a target
    assertTrue(session.matches("[A-Za-z0-9_-]+-[0-9a-f]{8}"), session);
  }

  @Example
  void theCollisionOfTheIssueIsGone() {
    TmuxRecord web = TmuxRecord.fresh(Path.of("/p/web"), null);
    TmuxRecord webApi = TmuxRecord.fresh(Path.of("/p/web-api"), null);
    assertTrue(web.sessionOf("api-worker").startsWith("web-api-worker-"));
    assertNotEquals(web.sessionOf("api-worker"), webApi.sessionOf("worker"));
    // same folder name under two parents
    assertNotEquals(TmuxRecord.fresh(Path.of("/team1/api"), null).sessionOf("worker"),
        TmuxRecord.fresh(Path.of("/team2/api"), null).sessionOf("worker"));
  }

  @Example
  void aRecordedSessionWinsOverTheDerivedName() {
    TmuxRecord r = project("old-name", "0123abcd").withAgent("worker", "old-name-worker", AgentSpec.Watch.HEAL);
    assertEquals("old-name-worker", r.sessionOf("worker"));
    assertEquals("old-name-other-0123abcd", r.sessionOf("other"));
  }
}
