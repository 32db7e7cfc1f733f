package dev.agentorchestrator;

import static dev.agentorchestrator.TestProjects.agent;
import static dev.agentorchestrator.TestProjects.agentOf;
import static dev.agentorchestrator.TestProjects.alive;
import static dev.agentorchestrator.TestProjects.await;
import static dev.agentorchestrator.TestProjects.read;
import static dev.agentorchestrator.TestProjects.watchdogOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One test per case of the harness's correctness issue: real launcher, real tmux on private sockets. */
class HarnessCorrectnessTest {

  private static final String SLEEP = "[\"sleep\", \"100021\"]";

  @RegisterExtension static final TestProjects fx = TestProjects.perClass("sleep\0" + "100021");

  private static long pid(Path root, String agent) {
    Object pid = agentOf(fx.status(root), agent).get("pid");
    assertTrue(pid instanceof Long, "no pid for " + agent + " in " + root + ": " + fx.status(root));
    return (Long) pid;
  }

  private static long watchdog(Path root) {
    return (Long) watchdogOf(fx.status(root)).get("pid");
  }

  /** Case 1: web/api-worker and web-api/worker, team1/api and team2/api: each its own session. */
  @Test
  void projectsWhoseOldSessionNamesCollidedRunApart() throws IOException {
    Path web = fx.project("web", agent("api-worker", SLEEP, "heal"));
    Path webApi = fx.project("web-api", agent("worker", SLEEP, "heal"));
    Path api1 = fx.project("team1/api", agent("worker", SLEEP, "heal"));
    Path api2 = fx.project("team2/api", agent("worker", SLEEP, "heal"));
    for (Path root : List.of(web, webApi, api1, api2)) {
      fx.ok(root, "up");
    }
    long pWeb = pid(web, "api-worker");
    long pWebApi = pid(webApi, "worker");
    long p1 = pid(api1, "worker");
    long p2 = pid(api2, "worker");
    assertEquals(4, List.of(pWeb, pWebApi, p1, p2).stream().distinct().count(), "four agents, four processes");
    assertNotEquals(TestProjects.session(web, "api-worker"), TestProjects.session(webApi, "worker"));
    assertNotEquals(TestProjects.session(api1, "worker"), TestProjects.session(api2, "worker"));

    assertTrue(fx.ok(web, "down").out().contains("api-worker stopped"));
    assertTrue(fx.ok(api1, "down").out().contains("worker stopped"));
    assertFalse(alive(pWeb) || alive(p1), "the stopped agents are gone");
    TestProjects.sleep(1500); // a wrong kill would show here, or a restart by the other watchdog
    assertTrue(alive(pWebApi) && alive(p2), "the other projects' agents were touched");
    assertEquals(pWebApi, pid(webApi, "worker"));
    assertEquals(p2, pid(api2, "worker"));
  }

  /** Case 1, the other half: a session of that name that this project does not own is refused and left alone. */
  @Test
  void aSessionOfAnotherOwnerIsNeverTaken() throws IOException {
    Path root = fx.project("owned", agent("a", SLEEP, "heal"));
    fx.ok(root, "up");
    String session = TestProjects.session(root, "a");
    fx.ok(root, "down");
    assertEquals(0, fx.tmux("new-session", "-d", "-s", session, "sleep", "100021").exit());
    long foreign = Long.parseLong(fx.tmux("display-message", "-p", "-t", "=" + session + ":", "#{pane_pid}").out().strip());

    TestProjects.Run up = fx.agents(root, "up");
    assertEquals(1, up.exit(), up::toString);
    assertTrue(up.err().contains("tmux session " + session) && up.err().contains("not to this one; left alone"), up.err());
    assertTrue(fx.ok(root, "down").out().contains("belongs to another project; left alone"));
    assertTrue(alive(foreign), "the foreign session's process was killed");
    fx.tmux("kill-session", "-t", "=" + session);
  }

  /** Case 2: down with another AO_TMUX_SOCKET stops the agents where up started them, and says so. */
  @Test
  void downActsOnTheRecordedSocketAndUpRefusesASecondCopy() throws IOException {
    Path root = fx.project("sockets", agent("a", SLEEP, "heal"));
    fx.ok(root, "up");
    long agentPid = pid(root, "a");
    String other = "ao-test-other-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, String> elsewhere = Map.of("AO_TMUX_SOCKET", other);

    TestProjects.Run up = fx.agents(elsewhere, root, "up");
    assertEquals(1, up.exit(), up::toString);
    assertTrue(up.err().contains("run on tmux socket '" + fx.socket() + "'"), up.err());
    TestProjects.Run status = fx.agents(elsewhere, root, "status");
    assertEquals(0, status.exit(), status::toString);
    assertTrue(status.out().contains("running"), status.out());
    assertTrue(status.err().contains("note: this project's agents were started on tmux socket '" + fx.socket() + "'"), status.err());

    TestProjects.Run down = fx.agents(elsewhere, root, "down");
    assertEquals(0, down.exit(), down::toString);
    assertTrue(down.out().contains("a stopped"), down.out());
    assertTrue(down.err().contains("tmux socket '" + fx.socket() + "'"), down.err());
    assertFalse(alive(agentPid), "down on another socket left the agent running");

    // nothing runs on the recorded socket any more: up moves to the new one, and only once
    try {
      assertEquals(0, fx.agents(elsewhere, root, "up").exit());
      long moved = pid(root, "a"); // status on the test's socket: it follows the record
      assertTrue(alive(moved));
      assertEquals(0, TestProjects.run(new ProcessBuilder("tmux", "-L", other, "has-session", "-t", "=" + TestProjects.session(root, "a")), 20).exit());
      TestProjects.Run second = fx.agents(root, "up");
      assertEquals(1, second.exit(), "a second copy on the first socket: " + second);
      assertTrue(second.err().contains("run on tmux socket '" + other + "'"), second.err());
    } finally {
      fx.agents(root, "down");
      TestProjects.killServer(other);
    }
  }

  /** A project moved while it ran: its old root, the new one, its agent's and watchdog's pids. */
  private record Moved(Path root, Path moved, long agentPid, long watchdog) {}

  /** Project {@code name} (agent a), up, then moved to {@code name-moved}, brought down after the test. */
  private static Moved upThenMoved(String name) throws IOException {
    Path root = fx.project(name, agent("a", SLEEP, "heal"));
    fx.ok(root, "up");
    Moved m = new Moved(root, fx.base().resolve(name + "-moved"), pid(root, "a"), watchdog(root));
    Files.move(root, m.moved());
    fx.downAfterwards(m.moved());
    return m;
  }

  /** Case 3: a moved project's old watchdog leaves a trace and exits; down from the new place stops the agent. */
  @Test
  void aMovedProjectIsStoppedFromItsNewPlace() throws IOException {
    Moved m = upThenMoved("c2");
    Path root = m.root();
    Path moved = m.moved();
    long agentPid = m.agentPid();
    long watchdog = m.watchdog();

    await("the old watchdog to exit", 20, () -> !alive(watchdog), () -> "pid " + watchdog);
    Path log = moved.resolve(".ao-state/logs/watchdog.log");
    String trace = read(log);
    assertTrue(trace.contains("moved from " + root + " to " + moved), trace);
    assertTrue(alive(agentPid), "the agent keeps running until down");

    Map<String, Object> status = fx.status(moved);
    assertEquals("running", agentOf(status, "a").get("state"));
    assertEquals(agentPid, agentOf(status, "a").get("pid"));
    TestProjects.Run down = fx.ok(moved, "down");
    assertTrue(down.out().contains("a stopped"), down.out());
    assertFalse(alive(agentPid), "down from the new place left the agent running");
  }

  /**
   * Case 3, idle: a folder moved away and replaced by another at the same path is found by the
   * watchdog's periodic look (the identity of the folder it runs in, not the path) within the
   * documented 5 s, with nothing happening in the project to wake it sooner.
   */
  @Test
  void aFolderReplacedAtTheSamePathIsFoundMovedWhileIdle() throws IOException {
    Moved m = upThenMoved("c2r");
    Path root = m.root();
    Path moved = m.moved();
    long agentPid = m.agentPid();
    long watchdog = m.watchdog();
    Files.createDirectories(root.resolve(".ao-state/logs")); // another folder, where the project was

    long bound = Watchdog.GONE_CHECK_MILLIS / 1000 + 5; // the period, and room for a loaded host
    await("the idle watchdog to find its folder moved", (int) bound, () -> !alive(watchdog), () -> "pid " + watchdog);
    String trace = read(moved.resolve(".ao-state/logs/watchdog.log"));
    assertTrue(trace.contains("moved from " + root + " to " + moved), trace);
    assertFalse(Files.exists(root.resolve(".ao-state/logs/watchdog.log")), "the new folder at the old path is not the project's");
    assertTrue(alive(agentPid), "the agent keeps running until down");
  }

  /** Case 3: up run at once after a move, before the old watchdog notices, takes over from it. */
  @Test
  void upRightAfterAMoveTakesOverFromTheOldWatchdog() throws IOException {
    Moved m = upThenMoved("c3");
    Path moved = m.moved();
    long agentPid = m.agentPid();
    long old = m.watchdog();

    TestProjects.Run up = fx.agents(moved, "up");
    assertEquals(0, up.exit(), up::toString);
    assertFalse(alive(old), "the watchdog of the old place still runs");
    long now = watchdog(moved);
    assertTrue(Procs.cmdline(now).endsWith("\0" + moved + "\0"), "the new watchdog was not started for " + moved);
    assertEquals(agentPid, pid(moved, "a"), "up after a move started the agent a second time");
    Map<String, Object> status = fx.status(moved);
    assertEquals("running", agentOf(status, "a").get("state"));
    assertEquals(true, TestProjects.watchdogOf(status).get("alive"));
  }

  /** Case 3: a deleted project's watchdog restarts nothing outside it and leaves its trace in the user's state folder. */
  @Test
  void aDeletedProjectsWatchdogExitsWithATraceAndRestartsNothing() throws IOException {
    Path state = fx.base().resolve("xdg-state");
    Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString());
    Path root = fx.project("doomed", agent("a", SLEEP, "heal"));
    assertEquals(0, fx.agents(env, root, "up").exit());
    long agentPid = pid(root, "a");
    long watchdog = watchdog(root);
    String session = TestProjects.session(root, "a");
    TestProjects.run(new ProcessBuilder("rm", "-rf", root.toString()), 20);

    await("the watchdog to exit", 20, () -> !alive(watchdog), () -> "pid " + watchdog);
    String trace = read(state.resolve("agent-orchestrator/watchdog.log"));
    assertTrue(trace.contains(root + " was deleted") && trace.contains(session), trace);
    ProcessHandle.of(agentPid).ifPresent(ProcessHandle::destroy);
    TestProjects.sleep(1500);
    String panes = fx.tmux("list-panes", "-t", "=" + session + ":", "-F", "#{pane_dead} #{pane_pid}").out().strip();
    assertTrue(panes.startsWith("1 "), "restarted outside its project: " + panes);
    fx.tmux("kill-session", "-t", "=" + session);
  }

  /**
   * Upgrading: sessions an earlier harness named {@code <folder>-<agent>} are adopted when their
   * pid is the one its state names, so that down (as {@code po update --restart} runs it) stops
   * them; a session of that name with another process is not ours and is left alone.
   */
  @Test
  void sessionsOfAnEarlierHarnessAreAdoptedOnlyWhenProvablyOurs() throws IOException {
    Path root = fx.project("legacy", agent("a", SLEEP, "heal") + agent("b", SLEEP, "heal"));
    assertEquals(0, fx.tmux("new-session", "-d", "-s", "legacy-a", "sleep", "100021").exit());
    assertEquals(0, fx.tmux("new-session", "-d", "-s", "legacy-b", "sleep", "100021").exit());
    long a = Long.parseLong(fx.tmux("display-message", "-p", "-t", "=legacy-a:", "#{pane_pid}").out().strip());
    long b = Long.parseLong(fx.tmux("display-message", "-p", "-t", "=legacy-b:", "#{pane_pid}").out().strip());
    Files.createDirectories(root.resolve(".ao-state"));
    Files.writeString(root.resolve(".ao-state/state.json"), "{\"a\": {\"up\": true, \"pid\": " + a + "},"
        + " \"b\": {\"up\": true, \"pid\": " + (b + 100_000) + "}}\n");
    try {
      Map<String, Object> status = fx.status(root);
      assertEquals("running", agentOf(status, "a").get("state"), status::toString);
      assertEquals(a, agentOf(status, "a").get("pid"));
      assertEquals("dead", agentOf(status, "b").get("state"), status::toString);
      assertEquals("legacy-a", TestProjects.session(root, "a"));

      TestProjects.Run down = fx.ok(root, "down");
      assertTrue(down.out().contains("a stopped") && down.out().contains("b not running"), down.out());
      assertFalse(alive(a), "the adopted agent survived down");
      assertTrue(alive(b), "a session that is not provably ours was stopped");
    } finally {
      fx.tmux("kill-session", "-t", "=legacy-a");
      fx.tmux("kill-session", "-t", "=legacy-b");
    }
  }

  /** Case 4: a zombie watchdog is not alive. */
  @Test
  void aZombieWatchdogIsNotRunning() throws Exception {
    Path root = fx.project("zombie", agent("a", SLEEP, "heal"));
    fx.ok(root, "up");
    fx.ok(root, "down");
    long zombie = TestProjects.zombie();
    assertTrue(ProcessHandle.of(zombie).map(ProcessHandle::isAlive).orElse(false), "the JDK calls a zombie alive");
    assertFalse(Procs.alive(zombie), "the harness must not");
    Files.writeString(root.resolve(".ao-state/watchdog.pid"), zombie + "\n");
    Map<String, Object> status = fx.status(root);
    assertEquals(false, watchdogOf(status).get("alive"), status::toString);
    assertTrue(fx.ok(root, "status").out().contains("watchdog: not running"));
  }

  /** Case 5: a broken agents.toml: status still reports what runs, down leaves a true status file. */
  @Test
  void aBrokenAgentsTomlNeitherHidesNorLies() throws IOException {
    Path root = fx.project("broken", agent("a", SLEEP, "heal") + agent("b", SLEEP, "off"));
    fx.ok(root, "up");
    long a = pid(root, "a");
    Files.writeString(root.resolve("agents.toml"), "[agents.a\nprompt = ");

    TestProjects.Run status = fx.agents(root, "status", "--json");
    assertEquals(1, status.exit(), status::toString);
    assertTrue(status.err().contains("agents.toml:1:"), status.err());
    @SuppressWarnings("unchecked")
    Map<String, Object> shown = (Map<String, Object>) TestProjects.parse(status.out());
    assertEquals("running", agentOf(shown, "a").get("state"));
    assertEquals(a, agentOf(shown, "a").get("pid"));
    assertEquals("off", agentOf(shown, "b").get("watch"));

    TestProjects.Run down = fx.agents(root, "down");
    assertEquals(0, down.exit(), down::toString);
    assertFalse(alive(a));
    @SuppressWarnings("unchecked")
    Map<String, Object> file = (Map<String, Object>) TestProjects.parse(read(root.resolve(".ao-state/status.json")));
    assertEquals(false, watchdogOf(file).get("alive"), file::toString);
    assertEquals("stopped", agentOf(file, "a").get("state"), file::toString);
    assertEquals("stopped", agentOf(file, "b").get("state"), file::toString);
  }

  /** Case 6: never started is "stopped", the word po uses too; status writes nothing. */
  @Test
  void neverStartedIsStopped() throws IOException {
    Path root = fx.project("fresh", agent("a", SLEEP, "heal"));
    Map<String, Object> status = fx.status(root);
    assertEquals("stopped", agentOf(status, "a").get("state"));
    assertEquals(false, watchdogOf(status).get("alive"));
    assertFalse(Files.exists(root.resolve(".ao-state")), "status of a never started project wrote state");
  }

  /** Case 7: a hung tmux server bounds every call, and the failure names the command line. */
  @Test
  void aHungTmuxServerFailsWithinTheBound() throws IOException {
    TestProjects own = new TestProjects(fx.base());
    Path root = fx.project("hung", agent("a", SLEEP, "heal"));
    assertEquals(0, own.tmux("new-session", "-d", "-s", "holder", "sleep", "100021").exit());
    long server = Long.parseLong(own.tmux("display-message", "-p", "#{pid}").out().strip());
    TestProjects.run(new ProcessBuilder("kill", "-STOP", Long.toString(server)), 10);
    try {
      long t0 = System.nanoTime();
      TestProjects.Run status = own.agents(Map.of("AO_TMUX_TIMEOUT_SECONDS", "1"), root, "status");
      long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
      assertEquals(1, status.exit(), status::toString);
      assertTrue(status.err().contains("tmux -L " + own.socket() + " list-panes -a -F"), status.err());
      assertTrue(status.err().contains("did not answer within 1.0s"), status.err());
      assertTrue(seconds < 30, "took " + seconds + "s");
    } finally {
      TestProjects.run(new ProcessBuilder("kill", "-CONT", Long.toString(server)), 10);
      own.killServer();
    }
  }

  /** Case 8: a prompt that is a folder is said to be a folder. */
  @Test
  void aPromptThatIsAFolderIsNamedAsSuch() throws IOException {
    Path root = fx.project("folder-prompt", "[agents.a]\nprompt = \"prompts\"\n");
    TestProjects.Run up = fx.agents(root, "up");
    assertEquals(1, up.exit());
    assertTrue(up.err().contains("agents.a.prompt: 'prompts' is a folder, not a role file"), up.err());
  }
}
