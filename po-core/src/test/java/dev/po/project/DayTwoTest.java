package dev.po.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.testing.EngineHarness;
import dev.po.testing.HarnessFleet;
import dev.po.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator does with running projects, end to end on the real harness and tmux on a
 * private socket: read an agent's log, see its detail after the watchdog healed it, attach a real
 * terminal to it, and roll a new harness ref over running projects.
 */
class DayTwoTest {
  /** An agent that says who it is, then ticks. */
  static final List<String> TICKER = List.of("sh", "-c",
      "echo \"hello from $AO_AGENT\"; i=0; while true; do i=$((i+1)); echo \"tick $i\"; sleep 0.3; done");

  @RegisterExtension static final HarnessFleet live = new HarnessFleet();

  private Project running(String name, String ref, List<String> command) {
    live.po().create(name).setRef(ref).setRegister(true).setAgentCommand(command).call();
    Project p = live.po().project(name);
    p.start();
    EngineHarness.await(p::state, HarnessState.RUNNING);
    return p;
  }

  @Test
  void logsGiveTheEndOfAnAgentsLogAndFollowIt() throws Exception {
    Project p = running("d2-logs", "v0.1.0", TICKER);
    await("the greeting and three ticks in the log", () -> {
      List<LogLine> all = p.logs().setLines(1000).call();
      return all.contains(new LogLine("worker", "hello from worker")) && all.contains(new LogLine("worker", "tick 3"));
    });
    List<LogLine> last = p.logs().setAgent("worker").setLines(3).call();
    assertEquals(3, last.size(), last.toString());
    assertTrue(last.stream().allMatch(l -> l.agent().equals("worker") && l.text().startsWith("tick ")), last.toString());

    List<LogLine> followed = new CopyOnWriteArrayList<>();
    Thread follower = new Thread(() -> p.logs().setLines(0).follow(followed::add));
    follower.start();
    try {
      await("new ticks while following", () -> followed.size() >= 3);
    } finally {
      follower.interrupt();
      follower.join(10_000);
    }
    int tick = Integer.parseInt(last.get(2).text().substring(5));
    int firstFollowed = Integer.parseInt(followed.get(0).text().substring(5));
    assertTrue(firstFollowed > tick, "following starts after what was printed: " + followed + " after " + last);

    ProjectException e = assertThrows(ProjectException.class, () -> p.logs().setAgent("nobody").call());
    assertEquals("project d2-logs has no agent 'nobody' (its agents: worker)", e.getMessage());
  }

  @Test
  void agentDetailShowsTheHealedAgentsRestartAndLastExit() throws Exception {
    Project p = running("d2-detail", "v0.1.0", List.of("sleep", "100000"));
    HarnessStatus.Agent before = live.po().status("d2-detail").get(0).agents().get(0);
    assertEquals("worker", before.name());
    assertEquals("heal", before.watch());
    assertEquals("running", before.stateNow());
    assertTrue(before.alive() && before.pid() > 0, before.toString());
    assertNotNull(before.uptimeSeconds());
    assertEquals(0, before.restarts());

    new ProcessBuilder("kill", "-9", Long.toString(before.pid())).start().waitFor();
    await("the watchdog's restart recorded", () -> {
      HarnessStatus.Agent a = live.po().status("d2-detail").get(0).agents().get(0);
      return a.restarts() == 1 && a.alive() && a.pid() != before.pid();
    });
    HarnessStatus.Agent after = live.po().status("d2-detail").get(0).agents().get(0);
    assertEquals(Integer.valueOf(137), after.lastExit(), after.toString());
    assertEquals("running", after.stateNow());
  }

  @Test
  void attachRefusesWithoutATerminalInOneLine() {
    Project p = running("d2-noterm", "v0.1.0", List.of("sleep", "100000"));
    ProjectException e = assertThrows(ProjectException.class, () -> p.attach(null));
    assertEquals("project d2-noterm: attach needs a terminal, and stdin or stdout is not one"
        + " (read the log instead: po logs d2-noterm)", e.getMessage());
  }

  @Test
  void attachPutsARealTerminalOnTheAgentsSessionUntilItDetaches() throws Exception {
    running("d2-attach", "v0.1.0", TICKER);
    String terminal = EngineHarness.newSocket();
    Path result = live.fleet().root().resolve("attach-result");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try {
      // the terminal: a pane of another private tmux server running attach in its own JVM
      tmux(terminal, "new-session", "-d", "-x", "120", "-y", "30", "-s", "term",
          "env", "-u", "TMUX", java, "-cp", System.getProperty("java.class.path"), AttachMain.class.getName(),
          live.po().registry().file().toString(), "d2-attach", live.socket(), EngineHarness.env(live.socket()).get("AO_CACHE_DIR"),
          result.toString());
      // sessions are named FOLDER-AGENT-ID; tmux takes the unique prefix
      await("a client on the agent's session", () -> tmux(live.socket(), "list-clients", "-t", "d2-attach-worker").contains("d2-attach-worker"));
      await("the agent's ticks on the terminal's screen", () -> tmux(terminal, "capture-pane", "-p", "-t", "term").contains("tick "));
      tmux(live.socket(), "detach-client", "-s", "d2-attach-worker");
      await("attach returning once detached", () -> Files.exists(result));
      assertEquals("ok", Files.readString(result));
      assertTrue(Tmux.hasSession(live.socket(), "d2-attach-worker"), "detaching leaves the agent running");
    } finally {
      Tmux.kill(terminal);
    }
  }

  @Test
  void aRollingUpdateRestartsEachRunningProjectAndLetsItSettleBeforeTheNext() throws Exception {
    Project a = running("d2-roll-a", "v0.1.0", List.of("sleep", "100000"));
    Project b = running("d2-roll-b", "v0.1.0", List.of("sleep", "100000"));
    List<String> told = new ArrayList<>();
    List<Long> toldAt = new ArrayList<>();

    RollSummary s = live.po().update("v0.2.0").setAll(true).setFrom("v0.1.0").setRestart(true)
        .setSettle(Duration.ofSeconds(3)).setListener(r -> {
          told.add(r.project() + " " + r.outcome() + " " + r.message());
          toldAt.add(System.currentTimeMillis() / 1000);
        }).call();

    assertEquals("moved 2, failed 0, not attempted 0", s.line(), told.toString());
    assertEquals(List.of("d2-roll-a MOVED v0.1.0 -> v0.2.0, restarted, running 3s",
        "d2-roll-b MOVED v0.1.0 -> v0.2.0, restarted, running 3s"), told);
    // one at a time: b's pin was committed after a had settled
    long bCommitted = Long.parseLong(dev.po.testing.GitCli.git(b.root(), "log", "-1", "--format=%ct"));
    assertTrue(bCommitted >= toldAt.get(0), "b moved at " + bCommitted + ", a settled at " + toldAt.get(0));
    assertEquals(HarnessState.RUNNING, a.state());
    assertEquals(HarnessState.RUNNING, b.state());
    assertEquals(live.harness().commit("v0.2.0"), dev.po.testing.ProjectRepo.pin(b.root()));
  }

  @Test
  void aProjectThatDoesNotSettleFailsTheRollAndStopsIt() {
    // an agent that dies 4 s after each start: well past up's early-death check (2 s), so it
    // starts, but the harness is never running for 6 s in a row
    running("d2-flaky", "v0.1.0", List.of("sh", "-c", "sleep 4; exit 3"));
    running("d2-next", "v0.1.0", List.of("sleep", "100000"));

    RollSummary s = live.po().update("v0.2.0").setAll(true).setFrom("v0.1.0").setRestart(true)
        .setSettle(Duration.ofSeconds(6)).settleGrace(Duration.ofSeconds(5)).call();

    assertEquals("moved 0, failed 1, not attempted 1", s.line());
    RollResult flaky = s.failed().get(0);
    assertTrue(flaky.message().startsWith("project d2-flaky: moved v0.1.0 -> v0.2.0, restarted, but it was not"
        + " running for 6s in a row within 11s ("), flaky.message());
    assertNotNull(flaky.update(), "the pin did move: the operator decides whether to move it back");
    assertEquals("v0.1.0", live.po().fleet().requireProject("d2-next").ref());
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + EngineHarness.PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + what + " within " + EngineHarness.PATIENCE);
      }
      Thread.sleep(100);
    }
  }

  /** Runs tmux on {@code sock} and returns what it printed; empty when it failed. */
  private static String tmux(String sock, String... args) {
    List<String> argv = new ArrayList<>(List.of("tmux", "-L", sock));
    argv.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
