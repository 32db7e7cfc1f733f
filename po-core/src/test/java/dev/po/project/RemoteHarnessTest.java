package dev.po.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.Po;
import dev.po.testing.EngineHarness;
import dev.po.testing.HarnessFleet;
import dev.po.testing.HarnessRepo;
import dev.po.testing.SshHosts;
import dev.po.testing.SshHostsExtension;
import dev.po.testing.TempFleet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Day-two work on projects that run on another host, end to end: the real harness on a real ssh
 * host (made there by {@code po create --host}, its tmux on the private socket the host's {@code
 * env} names), read, followed, inspected and updated from here.
 */
class RemoteHarnessTest {
  static final List<String> SLEEPER = List.of("sleep", "100000");

  @RegisterExtension static final SshHostsExtension HOSTS = new SshHostsExtension();
  @RegisterExtension static final HarnessFleet live = new HarnessFleet();

  SshHosts hosts;
  HarnessRepo harness;
  TempFleet fleet;
  Po po;

  /** The class's fleet with host {@code hosta}, whose launchers run on the class's tmux socket. */
  @BeforeEach
  void fleet() {
    hosts = HOSTS.get();
    harness = live.harness();
    fleet = live.fleet();
    fleet.append(hosts.table("hosta", "hosta", EngineHarness.env(live.socket())));
    po = live.po();
  }

  /** Where {@code name} lives on the host. */
  private String where(String name) {
    return hosts.host("hosta").projectsDir().resolve(fleet.file().getParent().getFileName() + "/" + name).toString();
  }

  private Project running(String name, List<String> command) {
    po.create(name).setRef("v0.1.0").setHost("hosta").setRemoteLocation(where(name)).setAgentCommand(command)
        .setRegister(true).call();
    Project p = po.project(name);
    p.start();
    EngineHarness.await(p::state, HarnessState.RUNNING);
    return p;
  }

  @Test
  void logsAndAgentDetailComeFromTheHost() throws Exception {
    Project p = running("r-logs", EngineHarness.TICKER);
    await("the greeting and three ticks in the log there", () -> {
      List<LogLine> all = p.logs().setLines(1000).call();
      return all.contains(new LogLine("worker", "hello from worker")) && all.contains(new LogLine("worker", "tick 3"));
    });
    List<LogLine> last = p.logs().setAgent("worker").setLines(3).call();
    assertEquals(3, last.size(), last.toString());
    assertTrue(last.stream().allMatch(l -> l.agent().equals("worker") && l.text().startsWith("tick ")), last.toString());

    HarnessStatus h = p.harnessStatus();
    assertEquals(HarnessState.RUNNING, h.state());
    assertTrue(h.watchdogAlive() && h.watchdogPid() > 0, h.toString());
    HarnessStatus.Agent worker = h.agent("worker").orElseThrow();
    assertTrue(worker.alive() && worker.pid() > 0, worker.toString());
    assertEquals("heal", worker.watch());
    ProjectStatus s = po.status("r-logs").get(0);
    assertEquals("hosta", s.host());
    assertEquals(List.of(worker.pid()), s.agents().stream().map(HarnessStatus.Agent::pid).toList());

    ProjectException e = assertThrows(ProjectException.class, () -> p.logs().setAgent("nobody").call());
    assertEquals("project r-logs has no agent 'nobody' (its agents: worker)", e.getMessage());
  }

  @Test
  void followingEndsWithTheInterruptAndLeavesNothingRunningOnTheHost() throws Exception {
    Project p = running("r-follow", EngineHarness.TICKER);
    List<LogLine> followed = new CopyOnWriteArrayList<>();
    Thread follower = new Thread(() -> p.logs().setLines(0).follow(followed::add));
    follower.start();
    try {
      await("new ticks while following", () -> followed.size() >= 3);
      assertFalse(hosts.sessions("hosta").isEmpty(), "po reads the log there while following");
    } finally {
      follower.interrupt();
      follower.join(10_000);
    }
    assertFalse(follower.isAlive(), "follow returns once interrupted");
    assertEquals(List.of(), hosts.awaitNoSessions("hosta", 20), "left running on the host");
    int first = Integer.parseInt(followed.get(0).text().substring(5));
    int second = Integer.parseInt(followed.get(1).text().substring(5));
    assertEquals(first + 1, second, followed.toString());
  }

  @Test
  void updateWithRestartMovesThePinThereAndRestartsTheRunningHarness() {
    Project p = running("r-update", SLEEPER);
    long before = p.harnessStatus().agent("worker").orElseThrow().pid();
    UpdateResult r = p.update("v0.2.0").setRestart(true).call();
    assertTrue(r.restarted(), r.toString());
    assertEquals(harness.commit("v0.2.0"), hosts.git("hosta", where("r-update"), "rev-parse", "HEAD:engine"));
    assertEquals("v0.2.0", po.fleet().requireProject("r-update").ref());
    Project moved = po.project("r-update");
    EngineHarness.await(moved::state, HarnessState.RUNNING);
    long after = moved.harnessStatus().agent("worker").orElseThrow().pid();
    assertNotEquals(before, after, "restarted: a new agent process");
  }

  @Test
  void aFailedUpdateWithRestartLeavesTheProjectTheRegistryAndTheHarnessAsTheyWere() {
    Project p = running("r-refused", SLEEPER);
    String dir = where("r-refused");
    long pid = p.harnessStatus().agent("worker").orElseThrow().pid();
    String head = hosts.git("hosta", dir, "rev-parse", "HEAD");
    String text = fleet.text();

    // refused there: the project has staged changes
    hosts.append("hosta", dir + "/notes.md", "wip\n");
    hosts.git("hosta", dir, "add", "notes.md");
    ProjectException refused = assertThrows(ProjectException.class, () -> p.update("v0.2.0").setRestart(true).call());
    assertEquals("project r-refused: not updating, the project has staged changes (notes.md)", refused.getMessage());
    assertAsBefore(dir, head, text, pid);

    // moved there, but the registry here cannot take it: put back there, and not restarted
    hosts.git("hosta", dir, "reset", "-q");
    ProjectException unrecorded = assertThrows(ProjectException.class, () -> p.update("v0.2.0").setRestart(true)
        .beforeRegistryWrite(() -> {
          throw new IllegalStateException("disk full");
        }).call());
    assertTrue(unrecorded.getMessage().contains("disk full") && unrecorded.getMessage().contains("nothing changed"),
        unrecorded.getMessage());
    assertAsBefore(dir, head, text, pid);
  }

  private void assertAsBefore(String dir, String head, String registry, long agentPid) {
    assertEquals(head, hosts.git("hosta", dir, "rev-parse", "HEAD"));
    assertEquals(harness.commit("v0.1.0"), hosts.git("hosta", dir, "rev-parse", "HEAD:engine"));
    assertEquals(harness.commit("v0.1.0"), hosts.git("hosta", dir + "/engine", "rev-parse", "HEAD"));
    assertEquals(registry, fleet.text());
    Project p = po.project("r-refused");
    assertEquals(HarnessState.RUNNING, p.state());
    assertEquals(agentPid, p.harnessStatus().agent("worker").orElseThrow().pid(), "the harness was not restarted");
  }

  @Test
  void attachWithoutATerminalIsRefusedInOneLineBeforeReachingTheHost() {
    fleet.append("\n[projects.r-noterm]\nhost = \"hosta\"\nlocation = \"" + where("r-noterm") + "\"\nref = \"v0.1.0\"\n");
    ProjectException e = assertThrows(ProjectException.class, () -> po.project("r-noterm").attach("worker"));
    assertEquals("project r-noterm: attach needs a terminal, and stdin or stdout is not one"
        + " (read the log instead: po logs r-noterm worker)", e.getMessage());
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
}
