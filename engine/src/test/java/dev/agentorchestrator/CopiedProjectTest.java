package dev.agentorchestrator;

import static dev.agentorchestrator.TestProjects.agent;
import static dev.agentorchestrator.TestProjects.agentOf;
import static dev.agentorchestrator.TestProjects.alive;
import static dev.agentorchestrator.TestProjects.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A project folder copied with its {@code .ao-state/} ({@code cp -a}) is a project of its own,
 * whatever becomes of the original: two live projects never share a session or act on each other's
 * agents, and the copy runs by hand. A folder moved in place stays the same project.
 */
class CopiedProjectTest {

  private static final String SLEEP = "[\"sleep\", \"100041\"]";

  @RegisterExtension static final TestProjects fx = TestProjects.perClass("sleep\0" + "100041");

  /** {@code cp -a root NAME}, next to it, brought down after the test. */
  private static Path copy(Path root, String name) {
    Path copy = fx.base().resolve(name);
    TestProjects.Run cp = TestProjects.run(new ProcessBuilder("cp", "-a", root.toString(), copy.toString()), 30);
    assertEquals(0, cp.exit(), cp::toString);
    fx.downAfterwards(copy);
    return copy;
  }

  private static long pid(Path root) {
    Object pid = agentOf(fx.status(root), "a").get("pid");
    assertTrue(pid instanceof Long, "no pid in " + root + ": " + fx.status(root));
    return (Long) pid;
  }

  private static String identity(Path root) {
    return TmuxRecord.read(root.resolve(".ao-state")).project();
  }

  /** Asserts that the agent {@code pid} runs in {@code root}, not in some other project's folder. */
  private static void runsIn(long pid, Path root) throws IOException {
    assertEquals(root.toRealPath(), Procs.cwd(pid), "agent " + pid + " runs outside " + root);
  }

  @Test
  void bothCopiesRunApartAndStopApart() throws IOException {
    Path original = fx.project("twin", agent("a", SLEEP, "heal"));
    fx.ok(original, "up");
    long first = pid(original);
    Path copy = copy(original, "twin-copy");
    assertEquals("stopped", agentOf(fx.status(copy), "a").get("state"), "the copy runs nothing of its own yet");

    TestProjects.Run up = fx.ok(copy, "up");
    assertTrue(up.out().contains("a started"), up.out());
    long second = pid(copy);
    assertNotEquals(first, second);
    runsIn(second, copy);
    assertNotEquals(identity(original), identity(copy));
    assertNotEquals(TestProjects.session(original, "a"), TestProjects.session(copy, "a"));
    assertEquals(first, pid(original), "the original's agent was touched");

    fx.ok(copy, "down");
    assertFalse(alive(second));
    assertTrue(alive(first), "down in the copy stopped the original's agent");
    fx.ok(original, "down");
    assertFalse(alive(first));
  }

  @Test
  void aCopyWhoseOriginalWasDeletedStartsItsOwnAgentsInItsOwnFolder() throws IOException {
    Map<String, String> env = Map.of("XDG_STATE_HOME", fx.base().resolve("xdg-state").toString());
    Path original = fx.project("gone", agent("a", SLEEP, "heal"));
    assertEquals(0, fx.agents(env, original, "up").exit());
    long orphan = pid(original);
    String orphanSession = TestProjects.session(original, "a");
    long watchdog = (Long) TestProjects.watchdogOf(fx.status(original)).get("pid");
    Path copy = copy(original, "gone-copy");
    TestProjects.run(new ProcessBuilder("rm", "-rf", original.toString()), 30);
    await("the deleted project's watchdog to exit", 20, () -> !alive(watchdog), () -> "pid " + watchdog);
    try {
      assertEquals("stopped", agentOf(fx.status(copy), "a").get("state"), "the copy took the deleted project's agent");

      TestProjects.Run up = fx.ok(copy, "up");
      assertTrue(up.out().contains("a started"), up.out());
      long own = pid(copy);
      assertNotEquals(orphan, own);
      runsIn(own, copy);
      assertNotEquals(orphanSession, TestProjects.session(copy, "a"));

      fx.ok(copy, "down");
      assertFalse(alive(own));
      assertTrue(alive(orphan), "the copy acted on the deleted project's agent");
    } finally {
      fx.tmux("kill-session", "-t", "=" + orphanSession);
    }
  }

  @Test
  void aCopyWhoseOriginalMovedAwayNeverSharesItsSessions() throws IOException {
    Path original = fx.project("away", agent("a", SLEEP, "heal"));
    fx.ok(original, "up");
    long first = pid(original);
    Path copy = copy(original, "away-copy");
    Path moved = fx.base().resolve("away-moved");
    Files.move(original, moved);
    fx.downAfterwards(moved);

    assertEquals("stopped", agentOf(fx.status(copy), "a").get("state"), "the copy took the moved project's agent");
    fx.ok(copy, "up");
    long second = pid(copy);
    assertNotEquals(first, second);
    runsIn(second, copy);
    assertNotEquals(TestProjects.session(moved, "a"), TestProjects.session(copy, "a"));

    fx.ok(copy, "down");
    assertTrue(alive(first), "down in the copy stopped the moved project's agent");
    fx.ok(moved, "down");
    assertFalse(alive(first), "down from the new place left the moved project's agent running");
  }

  /** A record of an earlier harness has no folder identity: a copy is told by the original it names. */
  @Test
  void aRecordWithoutAFolderIdentityIsTrustedUnlessItsRootHoldsTheSameProject() throws IOException {
    Path original = fx.project("earlier", agent("a", SLEEP, "heal"));
    TmuxRecord old = new TmuxRecord("0123abcd", "earlier", original, null, null, Map.of());
    old.write(Files.createDirectories(original.resolve(".ao-state")));
    assertTrue(TmuxRecord.read(original.resolve(".ao-state")).madeFor(original));
    Path copy = copy(original, "earlier-copy");
    assertFalse(TmuxRecord.read(copy.resolve(".ao-state")).madeFor(copy), "a copy beside its original");
    Path moved = fx.base().resolve("earlier-moved");
    Files.move(original, moved);
    fx.downAfterwards(moved);
    assertTrue(TmuxRecord.read(moved.resolve(".ao-state")).madeFor(moved), "a moved folder");
    // up writes the folder identity: from then on the copy is told by it
    fx.ok(moved, "up");
    assertEquals(TmuxRecord.folderOf(moved), TmuxRecord.read(moved.resolve(".ao-state")).folder());
    fx.ok(moved, "down");
  }

  @Test
  void aMovedProjectKeepsItsIdentityAndItsRunningAgents() throws IOException {
    Path original = fx.project("mover", agent("a", SLEEP, "heal"));
    fx.ok(original, "up");
    long first = pid(original);
    long watchdog = (Long) TestProjects.watchdogOf(fx.status(original)).get("pid");
    String id = identity(original);
    Path moved = fx.base().resolve("mover-moved");
    Files.move(original, moved);
    fx.downAfterwards(moved);
    await("the watchdog to see the move and exit", 20, () -> !alive(watchdog), () -> "pid " + watchdog);

    TestProjects.Run up = fx.ok(moved, "up");
    assertTrue(up.err().contains("the project moved from " + original), up.err());
    assertEquals(first, pid(moved), "up after a move started the agent a second time");
    assertEquals(id, identity(moved));
    fx.ok(moved, "down");
    assertFalse(alive(first));
  }
}
