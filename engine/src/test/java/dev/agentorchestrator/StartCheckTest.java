package dev.agentorchestrator;

import static dev.agentorchestrator.TestProjects.agent;
import static dev.agentorchestrator.TestProjects.agentOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code up} refuses an agent whose command is missing, and fails when a started agent dies at once. */
class StartCheckTest {

  @TempDir static Path base;
  static TestProjects fx;
  private final List<Path> made = new ArrayList<>();

  @AfterEach
  void down() {
    made.forEach(root -> fx.agents(root, "down"));
  }

  @AfterAll
  static void cleanUp() {
    if (fx != null) {
      fx.killServer();
    }
  }

  private Path project(String name, String toml) throws IOException {
    if (fx == null) {
      fx = new TestProjects(base);
    }
    Path root = fx.project(name, toml);
    made.add(root);
    return root;
  }

  private static void assertNothingStarted(Path root) {
    assertFalse(Files.exists(root.resolve(".ao-state/watchdog.pid")), "no watchdog");
    assertFalse(Files.exists(root.resolve(".ao-state/logs")), "no agent was started");
  }

  @Test
  void aMissingCommandIsRefusedBeforeAnythingStarts() throws IOException {
    Path root = project("missing", agent("fine", "[\"sleep\", \"100000\"]", "heal")
        + agent("ghost", "[\"no-such-program-of-the-tests\"]", "heal"));
    TestProjects.Run r = fx.agents(root, "up");
    assertEquals(1, r.exit(), r.toString());
    assertEquals("agents up: agent ghost: command 'no-such-program-of-the-tests' not found on PATH; nothing started\n", r.err());
    assertEquals("", r.out());
    assertNothingStarted(root);
    assertEquals("stopped", agentOf(fx.status(root), "fine").get("state"));
  }

  @Test
  void aMissingRelativeCommandIsNamedWithTheRoot() throws IOException {
    Path root = project("relative", agent("local", "[\"bin/agent.sh\"]", "heal"));
    TestProjects.Run r = fx.agents(root, "up");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("agent local: command 'bin/agent.sh' not found (relative to " + root), r.err());
    assertNothingStarted(root);
  }

  @Test
  void theDefaultClaudeCommandIsRefusedWithoutClaudeOnPath() throws IOException {
    Path root = project("noclaude", "[agents.main]\nprompt = \"prompts/role.md\"\n");
    String java = ProcessHandle.current().info().command().orElseThrow();
    TestProjects.Run r = fx.agents(Map.of("PATH", "/usr/bin:/bin", "AO_JAVA", java), root, "up");
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(Path.of("/usr/bin/claude")) || Files.exists(Path.of("/bin/claude")));
    assertEquals(1, r.exit(), r.toString());
    assertEquals("agents up: agent main: command 'claude' not found on PATH; nothing started\n", r.err());
    assertNothingStarted(root);
  }

  @Test
  void anAgentThatDiesAtOnceFailsUpWithItsStateAndExit() throws IOException {
    Path root = project("dies", agent("ok", "[\"sleep\", \"100000\"]", "heal")
        + agent("quitter", "[\"sh\", \"-c\", \"exit 7\"]", "off"));
    TestProjects.Run r = fx.agents(root, "up");
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.out().contains("quitter started (pid "), "up says what it did first: " + r.out());
    assertEquals("agents up: agent quitter died within 2s of starting: state dead, last exit 7 (engine/agents logs quitter)\n",
        r.err());
    assertEquals("running", agentOf(fx.status(root), "ok").get("state"), "the others keep running");
  }

  @Test
  void aSecondUpOfARunningAgentDoesNotWatchIt() throws IOException {
    Path root = project("steady", agent("ok", "[\"sleep\", \"100000\"]", "heal"));
    assertEquals(0, fx.agents(root, "up").exit());
    long t0 = System.nanoTime();
    TestProjects.Run again = fx.agents(Map.of("AO_UP_CHECK_SECONDS", "40"), root, "up");
    assertEquals(0, again.exit(), again.toString());
    assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "an agent already running is not watched for 40s");
    assertTrue(again.out().contains("already running"), again.out());
  }

  @Test
  void programsAreLookedUpOnPathOrUnderTheRoot(@TempDir Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path tool = Files.writeString(bin.resolve("tool"), "#!/bin/sh\n");
    assertFalse(StartCheck.found(dir, "tool", "/nonexistent"));
    assertFalse(StartCheck.found(dir, "tool", bin.toString()), "not executable");
    assertTrue(tool.toFile().setExecutable(true));
    assertTrue(StartCheck.found(dir, "tool", "/nonexistent:" + bin));
    assertTrue(StartCheck.found(dir, "bin/tool", null));
    assertFalse(StartCheck.found(dir, "bin", dir.toString()), "a folder is no program");
    assertEquals(List.of("a", "c"), StartCheck.started(List.of("a started (pid 1)", "b already running (pid 2)", "c started (pid 3)")));
    assertEquals(0, StartCheck.watchMillis("0"));
    assertEquals(1500, StartCheck.watchMillis("1.5"));
    assertEquals(2000, StartCheck.watchMillis("soon"));
  }
}
