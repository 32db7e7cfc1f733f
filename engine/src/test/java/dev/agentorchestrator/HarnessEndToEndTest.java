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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real launcher, real tmux on an isolated socket, real processes. */
class HarnessEndToEndTest {

  private static final String SLEEP = "[\"sleep\", \"100000\"]";

  @RegisterExtension static final TestProjects fx = TestProjects.perClass("sleep\0" + "100002", "sleep\0" + "100003");

  private static long pid(Map<String, Object> agent) {
    assertNotNull(agent.get("pid"), "pid of " + agent);
    return (Long) agent.get("pid");
  }

  private Map<String, Object> agentStatus(Path root, String name) {
    return agentOf(fx.status(root), name);
  }

  @Test
  void upStatusDown() throws IOException {
    Path root = fx.project("basic", agent("one", SLEEP, "heal") + agent("two", SLEEP, "off"));
    fx.ok(root, "up");

    Map<String, Object> status = fx.status(root);
    assertEquals(true, watchdogOf(status).get("alive"));
    long watchdog = (Long) watchdogOf(status).get("pid");
    assertTrue(alive(watchdog));
    Map<String, Object> one = agentOf(status, "one");
    Map<String, Object> two = agentOf(status, "two");
    assertEquals("running", one.get("state"));
    assertEquals("heal", one.get("watch"));
    assertEquals("off", two.get("watch"));
    assertEquals(0L, one.get("restarts"));
    assertNotNull(one.get("uptimeSeconds"));
    assertTrue(alive(pid(one)) && alive(pid(two)));
    String sessionOne = TestProjects.session(root, "one");
    String sessionTwo = TestProjects.session(root, "two");
    assertTrue(sessionOne.startsWith("basic-one-"), sessionOne);
    assertTrue(fx.tmux("has-session", "-t", "=" + sessionOne).exit() == 0);

    String table = fx.ok(root, "status").out();
    assertTrue(table.contains("one") && table.contains("running") && table.contains("watchdog: alive"), table);

    Path statusFile = root.resolve(".ao-state/status.json");
    await("status.json to show both agents running", 15, () -> {
      try {
        return Files.readString(statusFile).split("\"running\"").length == 3;
      } catch (IOException e) {
        return false;
      }
    }, () -> read(statusFile));
    @SuppressWarnings("unchecked")
    Map<String, Object> file = (Map<String, Object>) TestProjects.parse(read(statusFile));
    assertNotNull(file.get("writtenAt"));
    assertNotNull(file.get("heartbeat"));
    assertEquals(watchdog, watchdogOf(file).get("pid"));

    fx.ok(root, "down");
    assertFalse(alive(watchdog), "watchdog survived down");
    assertFalse(alive(pid(one)) || alive(pid(two)), "an agent survived down");
    assertNotEquals(0, fx.tmux("has-session", "-t", "=" + sessionOne).exit());
    assertNotEquals(0, fx.tmux("has-session", "-t", "=" + sessionTwo).exit());
    assertTrue(TestProjects.pidsMatching(root.toString()).isEmpty(), "processes left behind");
    @SuppressWarnings("unchecked")
    Map<String, Object> after = (Map<String, Object>) TestProjects.parse(read(statusFile));
    assertEquals(false, watchdogOf(after).get("alive"));
    assertEquals("stopped", agentOf(after, "one").get("state"));
    assertEquals("stopped", agentOf(after, "two").get("state"));
    assertNull(agentOf(after, "one").get("pid"));

    fx.ok(root, "down"); // idempotent
    assertEquals("stopped", agentStatus(root, "one").get("state"));
  }

  @Test
  void upTwiceStartsNothingTwice() throws IOException {
    Path root = fx.project("twice", agent("a", SLEEP, "heal"));
    fx.ok(root, "up");
    Map<String, Object> first = fx.status(root);
    String second = fx.ok(root, "up").out();
    assertTrue(second.contains("already running"), second);
    Map<String, Object> again = fx.status(root);
    assertEquals(pid(agentOf(first, "a")), pid(agentOf(again, "a")));
    assertEquals(watchdogOf(first).get("pid"), watchdogOf(again).get("pid"));
    assertEquals(1, fx.tmux("list-sessions", "-F", "#{session_name}").out().lines().filter(s -> s.startsWith("twice-")).count());
    assertEquals(1, TestProjects.pidsMatching("\0watchdog\0" + root + "\0").size(), "one watchdog");
  }

  @Test
  void concurrentUpsStartOneWatchdogAndOneSessionEach() throws Exception {
    Path root = fx.project("racing", agent("a", SLEEP, "heal") + agent("b", SLEEP, "heal"));
    List<java.util.concurrent.CompletableFuture<TestProjects.Run>> ups = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ups.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> fx.agents(root, "up")));
    }
    for (java.util.concurrent.CompletableFuture<TestProjects.Run> up : ups) {
      assertEquals(0, up.get().exit(), up.get().err());
    }
    assertEquals(1, TestProjects.pidsMatching("\0watchdog\0" + root + "\0").size(), "one watchdog");
    Map<String, Object> status = fx.status(root);
    assertEquals("running", agentOf(status, "a").get("state"));
    assertEquals("running", agentOf(status, "b").get("state"));
    String log = read(root.resolve(".ao-state/logs/watchdog.log"));
    assertEquals(1, log.split("a started by up", -1).length - 1, log);
  }

  @Test
  void killedAgentIsHealed() throws IOException {
    Path root = fx.project("heal", agent("a", SLEEP, "heal"));
    fx.ok(root, "up");
    long before = pid(agentStatus(root, "a"));
    ProcessHandle.of(before).orElseThrow().destroyForcibly(); // SIGKILL
    await("a new agent process", 15, () -> {
      Map<String, Object> a = agentStatus(root, "a");
      return "running".equals(a.get("state")) && a.get("pid") != null && pid(a) != before;
    }, () -> agentStatus(root, "a"));
    Map<String, Object> a = agentStatus(root, "a");
    assertTrue(alive(pid(a)));
    assertEquals(1L, a.get("restarts"));
    assertEquals(137L, a.get("lastExit"), "killed by signal 9");
    Path statusFile = root.resolve(".ao-state/status.json");
    await("status.json to show the new process", 15, () -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> file = (Map<String, Object>) TestProjects.parse(read(statusFile));
      Map<String, Object> recorded = agentOf(file, "a");
      return "running".equals(recorded.get("state")) && Long.valueOf(pid(a)).equals(recorded.get("pid"))
          && Long.valueOf(1).equals(recorded.get("restarts"));
    }, () -> read(statusFile));

    fx.ok(root, "up"); // a manual up resets the counters and starts nothing
    Map<String, Object> reset = agentStatus(root, "a");
    assertEquals(0L, reset.get("restarts"));
    assertEquals(pid(a), pid(reset));
  }

  @Test
  void theBackstopHealsWithinTwoSecondsWhenThePaneDiedHookDoesNotFire() throws IOException {
    // the agent names its pid first thing, so that its replacement is seen the moment it runs; it
    // closes its lifeline, so that only the backstop can see its death
    Path pidFile = fx.base().resolve("nohook.pid");
    Path root = fx.project("nohook",
        agent("a", "[\"sh\", \"-c\", \"exec 9>&-; echo $$ > " + pidFile + "; exec sleep 100000\"]", "heal"));
    fx.ok(root, "up");
    assertEquals(0, fx.tmux("set-hook", "-u", "-w", "-t", "=" + TestProjects.session(root, "a") + ":", "pane-died").exit());
    assertTrue(fx.tmux("show-hooks", "-w", "-t", "=" + TestProjects.session(root, "a") + ":").out().isBlank(), "hook removed");
    long before = pid(agentStatus(root, "a"));
    await("the agent's pid file", 15, () -> Long.valueOf(before).equals(pidIn(pidFile)), () -> read(pidFile));
    long killed = System.nanoTime();
    ProcessHandle.of(before).orElseThrow().destroyForcibly();
    long deadline = killed + 15_000_000_000L;
    Long after = pidIn(pidFile);
    while ((after == null || after == before || !alive(after)) && System.nanoTime() < deadline) {
      TestProjects.sleep(5);
      after = pidIn(pidFile);
    }
    long millis = (System.nanoTime() - killed) / 1_000_000;
    assertTrue(after != null && after != before && alive(after), "no replacement within 15 s: " + read(pidFile));
    assertTrue(millis < 2000, "healed by the backstop after " + millis + " ms; every death is healed within 2 s");
    assertEquals("running", agentStatus(root, "a").get("state"));
    assertFalse(Files.exists(root.resolve(".ao-state/inbox/pane-died")), "no hook was involved");
    String log = read(root.resolve(".ao-state/logs/watchdog.log"));
    assertTrue(log.contains("a died (exit 137 after ") && !log.contains("lifeline told"), log);
  }

  @Test
  void aDeathTheHookMissesIsToldAtOnceByTheAgentsLifeline() throws IOException {
    Path root = fx.project("lifeline", agent("a", SLEEP, "heal"));
    Path lifeline = root.resolve(".ao-state/lifelines/a");
    // whatever stands at the lifeline's path is replaced by the named pipe
    Files.createDirectories(lifeline.getParent());
    Files.writeString(lifeline, "not a pipe\n");
    fx.ok(root, "up");
    assertEquals(0, fx.tmux("set-hook", "-u", "-w", "-t", "=" + TestProjects.session(root, "a") + ":", "pane-died").exit());
    long before = pid(agentStatus(root, "a"));
    assertTrue(Files.readAttributes(lifeline, java.nio.file.attribute.BasicFileAttributes.class).isOther(), "a named pipe");
    assertEquals(lifeline, Files.readSymbolicLink(Path.of("/proc/" + before + "/fd/" + Lifelines.FD)),
        "the agent itself holds its lifeline");
    assertEquals("sleep", Files.readString(Path.of("/proc/" + before + "/comm")).strip(), "the pane's process is the agent's");

    ProcessHandle.of(before).orElseThrow().destroyForcibly();
    await("a healed", 15, () -> {
      Map<String, Object> a = agentStatus(root, "a");
      return "running".equals(a.get("state")) && pid(a) != before;
    }, () -> agentStatus(root, "a"));
    String log = read(root.resolve(".ao-state/logs/watchdog.log"));
    assertTrue(log.contains("a died (exit 137 after ") && log.contains("; its lifeline told at once)"), log);
    assertFalse(Files.exists(root.resolve(".ao-state/inbox/pane-died")), "no hook was involved");
    long after = pid(agentStatus(root, "a"));
    assertEquals(lifeline, Files.readSymbolicLink(Path.of("/proc/" + after + "/fd/" + Lifelines.FD)), "so does its replacement");
  }

  private static Long pidIn(Path file) {
    try {
      String text = Files.readString(file).strip();
      return text.isEmpty() ? null : Long.valueOf(text);
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  @Test
  void upAfterTheWatchdogDiedStartsANewOneAndNoAgentTwice() throws IOException {
    Path root = fx.project("orphan", agent("a", SLEEP, "heal"));
    fx.ok(root, "up");
    Map<String, Object> before = fx.status(root);
    long watchdog = (Long) watchdogOf(before).get("pid");
    ProcessHandle.of(watchdog).orElseThrow().destroyForcibly();
    await("the watchdog gone", 15, () -> !alive(watchdog), () -> watchdog);
    Map<String, Object> orphaned = fx.status(root);
    assertEquals(false, watchdogOf(orphaned).get("alive"));
    assertEquals("running", agentOf(orphaned, "a").get("state"), "agents outlive their watchdog");

    fx.ok(root, "up");
    Map<String, Object> after = fx.status(root);
    assertEquals(true, watchdogOf(after).get("alive"));
    assertNotEquals(watchdog, watchdogOf(after).get("pid"));
    assertEquals(pid(agentOf(before, "a")), pid(agentOf(after, "a")));
  }

  @Test
  void downStopsAgentsEvenWhenAgentsTomlBroke() throws IOException {
    Path root = fx.project("broken", agent("a", SLEEP, "heal"));
    fx.ok(root, "up");
    long a = pid(agentStatus(root, "a"));
    Files.writeString(root.resolve("agents.toml"), "[agents.a]\nprompt = 3\n");
    assertEquals(1, fx.agents(root, "status").exit());
    fx.ok(root, "down");
    assertFalse(alive(a));
    assertTrue(TestProjects.pidsMatching(root.toString()).isEmpty(), "processes left behind");
  }

  @Test
  void agentWhoseChildHoldsTheTerminalIsHealedAndDownLeavesNothing() throws IOException {
    // the background sleep ignores the hang-up of the terminal when the agent's process dies
    Path root = fx.project("holder", agent("a", "[\"sh\", \"-c\", \"trap '' HUP; sleep 100002 & exec sleep 100003\"]", "heal"));
    fx.ok(root, "up");
    long before = pid(agentStatus(root, "a"));
    await("the background child", 15, () -> !TestProjects.pidsMatching("sleep\0" + "100002").isEmpty(), () -> "none");
    ProcessHandle.of(before).orElseThrow().destroyForcibly();
    await("a healed", 15, () -> {
      Map<String, Object> a = agentStatus(root, "a");
      return "running".equals(a.get("state")) && pid(a) != before;
    }, () -> agentStatus(root, "a"));
    assertEquals(1L, agentStatus(root, "a").get("restarts"));
    await("the dead agent's leftover ended", 15, () -> TestProjects.pidsMatching("sleep\0" + "100002").size() == 1,
        () -> TestProjects.pidsMatching("sleep\0" + "100002"));
    fx.ok(root, "down");
    await("no process of the agent left", 15,
        () -> TestProjects.pidsMatching("sleep\0" + "100002").isEmpty() && TestProjects.pidsMatching("sleep\0" + "100003").isEmpty(),
        () -> TestProjects.pidsMatching("sleep\0" + "10000"));
  }

  @Test
  void watchOffStaysDead() throws IOException {
    Path root = fx.project("off", agent("a", SLEEP, "off") + agent("b", SLEEP, "heal"));
    fx.ok(root, "up");
    long a = pid(agentStatus(root, "a"));
    ProcessHandle.of(a).orElseThrow().destroyForcibly();
    Path log = root.resolve(".ao-state/logs/watchdog.log");
    await("the watchdog to see the death", 15, () -> read(log).contains("a died"), () -> read(log));
    // give a wrongly healing watchdog the time to act: it would within its poll interval
    TestProjects.sleep(3 * Watchdog.POLL_MILLIS);
    Map<String, Object> status = fx.status(root);
    assertEquals("dead", agentOf(status, "a").get("state"));
    assertNull(agentOf(status, "a").get("pid"));
    assertEquals(0L, agentOf(status, "a").get("restarts"));
    assertEquals("running", agentOf(status, "b").get("state"));
    assertFalse(read(log).contains("a restarted"), read(log));
  }

  @Test
  void exitingAtOnceEndsInCrashloopWithGrowingDelays() throws IOException {
    Path root = fx.project("crash", agent("c", "[\"sh\", \"-c\", \"echo failing; exit 3\"]", "heal"));
    TestProjects.Run up = fx.agents(root, "up");
    assertEquals(1, up.exit(), "an agent dying at once fails up: " + up);
    assertTrue(up.err().contains("agent c died within") && up.err().contains("last exit 3"), up.err());
    await("crashloop", 20, () -> "crashloop".equals(agentStatus(root, "c").get("state")), () -> agentStatus(root, "c"));
    Map<String, Object> c = agentStatus(root, "c");
    assertEquals(3L, c.get("lastExit"));
    assertTrue((Long) c.get("restarts") >= AgentState.CRASHLOOP_AFTER - 1, c.toString());
    String log = read(root.resolve(".ao-state/logs/watchdog.log"));
    Matcher m = Pattern.compile("c died \\(exit 3 .*; restart \\d+ in (\\d+) ms").matcher(log);
    List<Long> delays = new ArrayList<>();
    while (m.find()) {
      delays.add(Long.valueOf(m.group(1)));
    }
    assertTrue(delays.size() >= AgentState.CRASHLOOP_AFTER, log);
    for (int i = 2; i < delays.size(); i++) {
      assertTrue(delays.get(i) > delays.get(i - 1), "delays must grow: " + delays);
    }
    assertTrue(log.contains("crashloop"), log);
    String status = read(root.resolve(".ao-state/status.json"));
    assertTrue(status.contains("\"crashloop\""), status);
    assertTrue(fx.ok(root, "logs", "c").out().contains("failing"));
  }

  @Test
  void downOneAgentKeepsTheOthersHealed() throws IOException {
    Path root = fx.project("partial", agent("a", SLEEP, "heal") + agent("b", SLEEP, "heal"));
    fx.ok(root, "up");
    long b = pid(agentStatus(root, "b"));
    fx.ok(root, "down", "a");
    Map<String, Object> status = fx.status(root);
    assertEquals("stopped", agentOf(status, "a").get("state"));
    assertEquals("running", agentOf(status, "b").get("state"));
    assertEquals(true, watchdogOf(status).get("alive"));
    ProcessHandle.of(b).orElseThrow().destroyForcibly();
    await("b healed", 15, () -> {
      Map<String, Object> s = agentStatus(root, "b");
      return "running".equals(s.get("state")) && pid(s) != b;
    }, () -> agentStatus(root, "b"));
    assertEquals("stopped", agentStatus(root, "a").get("state"), "a stays down");
  }

  @Test
  void logsCaptureTheAgentsOutput() throws IOException {
    Path root = fx.project("logs", agent("talker", "[\"sh\", \"-c\", \"echo hello from $AO_AGENT; exec sleep 100000\"]", "heal"));
    fx.ok(root, "up");
    await("the output in the log", 15, () -> fx.agents(root, "logs", "talker").out().contains("hello from talker"),
        () -> fx.agents(root, "logs", "talker"));
  }

  @Test
  void badAgentsTomlGivesThePositionedError() throws IOException {
    Path root = fx.project("bad", "[agents.a]\nprompt = \"prompts/role.md\"\nwake = \"every 1h\"\n");
    TestProjects.Run r = fx.agents(root, "up");
    assertEquals(1, r.exit());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("agents up: agents.toml:3:1: unknown key 'wake' in agents.a"), r.err());
    assertFalse(Files.exists(root.resolve(".ao-state/watchdog.pid")), "nothing started");
  }

  @Test
  void usageErrorsExitWithTwo() throws IOException {
    Path root = fx.project("usage", agent("a", SLEEP, "heal"));
    assertEquals(2, fx.agents(root, "frobnicate").exit());
    assertEquals(2, fx.agents(root, "status", "--yaml").exit());
    assertEquals(2, fx.agents(root, "logs").exit());
    TestProjects.Run help = fx.agents(root, "up", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().startsWith("usage: agents up"), help.out());
    assertEquals(1, fx.agents(root, "up", "nosuchagent").exit());
    assertEquals(1, fx.agents(root, "attach", "nosuchagent").exit());
    assertEquals(1, fx.agents(root, "logs", "a").exit(), "no log before the first up");
    assertFalse(Files.exists(root.resolve(".ao-state/watchdog.pid")), "nothing started");
  }
}
