package dev.agentorchestrator;

import static dev.agentorchestrator.TestProjects.agent;
import static dev.agentorchestrator.TestProjects.agentOf;
import static dev.agentorchestrator.TestProjects.alive;
import static dev.agentorchestrator.TestProjects.watchdogOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A verb run by a program that names itself in {@code AO_CALLER_PID} does nothing once that
 * program has ended (killed while the launcher was still starting), and what the harness starts
 * does not inherit the variable.
 */
class CallerTest {

  private static final String SLEEP = "[\"sleep\", \"100043\"]";

  @RegisterExtension static final TestProjects fx = TestProjects.perClass("sleep\0" + "100043");

  /** The pid of a process that has ended. */
  private static long endedPid() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("true").start();
    assertEquals(0, p.waitFor());
    return p.pid();
  }

  private static Map<String, String> caller(long pid) {
    return Map.of(Caller.ENV, Long.toString(pid));
  }

  private static String environ(long pid) throws IOException {
    return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), StandardCharsets.UTF_8);
  }

  @Test
  void aVerbWhoseCallerEndedDoesNothing() throws Exception {
    Path root = fx.project("orphaned", agent("a", SLEEP, "heal"));
    TestProjects.Run up = fx.agents(caller(endedPid()), root, "up");
    assertEquals(1, up.exit(), up::toString);
    assertTrue(up.err().contains("has ended; nothing done"), up.err());
    assertEquals("stopped", agentOf(fx.status(root), "a").get("state"), "the orphaned up started the agent");
    assertEquals(false, watchdogOf(fx.status(root)).get("alive"));

    // on a tmux server of its own, which this up's watchdog starts: the agents get its environment
    String socket = fx.socket() + "-caller";
    try {
      TestProjects.Run started = fx.agents(
          Map.of(Caller.ENV, Long.toString(ProcessHandle.current().pid()), "AO_TMUX_SOCKET", socket), root, "up");
      assertEquals(0, started.exit(), started::toString);
      long agentPid = (Long) agentOf(fx.status(root), "a").get("pid");
      long watchdog = (Long) watchdogOf(fx.status(root)).get("pid");
      assertFalse(environ(watchdog).contains(Caller.ENV + "="), "the watchdog inherited " + Caller.ENV);
      assertFalse(environ(agentPid).contains(Caller.ENV + "="), "the agent inherited " + Caller.ENV);

      TestProjects.Run down = fx.agents(caller(endedPid()), root, "down");
      assertEquals(1, down.exit(), down::toString);
      assertTrue(alive(agentPid), "the orphaned down stopped the agent");
      fx.ok(root, "down");
      assertFalse(alive(agentPid));
    } finally {
      TestProjects.killServer(socket);
    }
  }

  @Test
  void aCallerPidThatIsNoNumberIsAnError() throws IOException {
    Path root = fx.project("bad-caller", agent("a", SLEEP, "heal"));
    TestProjects.Run up = fx.agents(Map.of(Caller.ENV, "po"), root, "up");
    assertEquals(1, up.exit(), up::toString);
    assertTrue(up.err().contains(Caller.ENV + "=po: not a process id"), up.err());
  }
}
