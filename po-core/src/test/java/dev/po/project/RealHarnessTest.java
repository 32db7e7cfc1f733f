package dev.po.project;

import dev.po.local.HarnessStates;
import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.Po;
import dev.po.process.Exec;
import dev.po.process.ExecResult;
import dev.po.testing.EngineHarness;
import dev.po.testing.HarnessFleet;
import dev.po.testing.Tmux;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end with the real harness: this repository's engine/ published as a bare repository with
 * two tags, its launcher (built once into target/ao-cache), and tmux on a private socket. Agents
 * are {@code sleep}, so nothing calls out.
 */
class RealHarnessTest {
  static final List<String> SLEEPER = List.of("sleep", "100000");

  @RegisterExtension static final HarnessFleet live = new HarnessFleet();

  private void create(String name, String ref) {
    live.po().create(name).setRef(ref).setRegister(true).setAgentCommand(SLEEPER).call();
  }

  @Test
  void startFailsNamingAMissingAgentCommandAndReportsAnAgentThatDiesAtOnce() {
    live.po().create("e2e-missing").setRef("v0.1.0").setRegister(true).setAgentCommand(List.of("no-such-agent-cli")).call();
    LaunchSummary missing = live.po().start("e2e-missing").call();
    assertEquals("started 0, skipped 0, failed 1", missing.line());
    String why = missing.failed().get(0).message();
    assertTrue(why.contains("agent worker: command 'no-such-agent-cli' not found on PATH; nothing started"), why);
    assertFalse(java.nio.file.Files.exists(live.po().project("e2e-missing").root().resolve(".ao-state/watchdog.pid")), "no watchdog");

    live.po().create("e2e-dies").setRef("v0.1.0").setRegister(true).setAgentCommand(List.of("sh", "-c", "exit 127")).call();
    LaunchSummary dies = live.po().start("e2e-dies").call();
    assertEquals("started 0, skipped 0, failed 1", dies.line());
    String died = dies.failed().get(0).message();
    assertTrue(died.contains("agent worker died within") && died.contains("last exit 127"), died);
  }

  @Test
  void createStartInspectStop() {
    create("e2e-one", "v0.1.0");
    Project p = live.po().project("e2e-one");
    assertEquals("v0.1.0", git(p.root().resolve("engine"), "describe", "--tags"));
    LaunchResult up = p.start();
    assertEquals(LaunchResult.Outcome.DONE, up.outcome(), up.output());
    EngineHarness.await(p::state, HarnessState.RUNNING);
    assertTrue(Tmux.hasSession(live.socket(), "e2e-one-worker"));
    p.stop();
    EngineHarness.await(p::state, HarnessState.STOPPED);
    assertFalse(Tmux.hasSession(live.socket(), "e2e-one-worker"));
    // the harness's runtime state is ignored: the project stays clean
    assertEquals("", git(p.root(), "status", "--porcelain"));
  }

  @Test
  void projectsWhoseNamesOverlapNeverShareAnAgentAndStopOnTheSocketTheyStartedOn() {
    live.po().create("web").setRef("v0.1.0").setRegister(true).setAgent("api-worker").setAgentCommand(SLEEPER).call();
    create("web-api", "v0.1.0"); // agent "worker": both once wanted the session web-api-worker
    LaunchSummary started = live.po().start("web", "web-api").setParallel(false).call();
    assertEquals("started 2, skipped 0, failed 0", started.line(), started.toString());
    EngineHarness.await(() -> live.po().project("web").state(), HarnessState.RUNNING);
    EngineHarness.await(() -> live.po().project("web-api").state(), HarnessState.RUNNING);
    long web = HarnessStates.read(live.po().project("web").root()).agent("api-worker").orElseThrow().pid();
    long webApi = HarnessStates.read(live.po().project("web-api").root()).agent("worker").orElseThrow().pid();
    assertTrue(web != webApi, "one agent for two projects");

    // stopped with another AO_TMUX_SOCKET in the environment: the harness stops them where they run
    Po elsewhere = Po.open(live.fleet().file()).withEnvironment(EngineHarness.env(live.socket() + "-other"));
    LaunchResult stopped = elsewhere.project("web").stop();
    assertEquals(LaunchResult.Outcome.DONE, stopped.outcome(), stopped.output());
    assertEquals(HarnessState.STOPPED, live.po().project("web").state());
    assertFalse(ProcessHandle.of(web).map(ProcessHandle::isAlive).orElse(false), "web's agent survived its stop");
    assertEquals(HarnessState.RUNNING, live.po().project("web-api").state());
    assertTrue(ProcessHandle.of(webApi).map(ProcessHandle::isAlive).orElse(false), "web-api's agent was stopped with web");
  }

  @Test
  void anUnregisteredProjectRunsByHandAsItsReadmeSays() {
    CreateResult r = live.po().create("e2e-hand").setRef("v0.2.0").setAgentCommand(SLEEPER).call();
    assertFalse(r.registered());
    Path root = r.root();
    Map<String, String> env = EngineHarness.env(live.socket());
    try {
      ExecResult up = Exec.of(List.of("engine/agents", "up")).in(root).env(env).run();
      assertTrue(up.succeeded(), up.describe());
      EngineHarness.await(() -> HarnessStates.of(root), HarnessState.RUNNING);
      ExecResult status = Exec.of(List.of("engine/agents", "status")).in(root).env(env).run();
      assertTrue(status.succeeded() && status.output().contains("worker"), status.describe());
    } finally {
      Exec.of(List.of("engine/agents", "down")).in(root).env(env).run();
    }
    EngineHarness.await(() -> HarnessStates.of(root), HarnessState.STOPPED);
  }

  @Test
  void aCopiedProjectReadsAsStoppedUntilItRunsByHandOfItsOwn() throws Exception {
    create("e2e-orig", "v0.1.0");
    Project p = live.po().project("e2e-orig");
    p.start();
    EngineHarness.await(p::state, HarnessState.RUNNING);
    long original = HarnessStates.read(p.root()).agent("worker").orElseThrow().pid();
    Path copy = p.root().resolveSibling("e2e-orig-copy");
    ExecResult cp = Exec.of(List.of("cp", "-a", p.root().toString(), copy.toString())).run();
    assertTrue(cp.succeeded(), cp.describe());
    // the copied status file names the original's live agent: not the copy's
    assertEquals(HarnessState.STOPPED, HarnessStates.of(copy));
    Map<String, String> env = EngineHarness.env(live.socket());
    try {
      ExecResult up = Exec.of(List.of("engine/agents", "up")).in(copy).env(env).run();
      assertTrue(up.succeeded(), up.describe());
      EngineHarness.await(() -> HarnessStates.of(copy), HarnessState.RUNNING);
      long own = HarnessStates.read(copy).agent("worker").orElseThrow().pid();
      assertTrue(own != original, "the copy reads the original's agent");
      assertEquals(HarnessState.RUNNING, p.state());
    } finally {
      Exec.of(List.of("engine/agents", "down")).in(copy).env(env).run();
    }
    EngineHarness.await(() -> HarnessStates.of(copy), HarnessState.STOPPED);
    assertEquals(HarnessState.RUNNING, p.state(), "down in the copy stopped the original");
  }

  @Test
  void startAndStopAllSkipDisabledProjects() {
    create("e2e-a", "v0.1.0");
    create("e2e-b", "v0.2.0");
    create("e2e-off", "v0.1.0");
    live.po().registry().edit(f -> f.withEnabled("e2e-off", false));

    LaunchSummary started = live.po().start().setAll(true).call();
    assertEquals("started 2, skipped 1, failed 0", started.line(), started.toString());
    EngineHarness.await(() -> live.po().project("e2e-a").state(), HarnessState.RUNNING);
    EngineHarness.await(() -> live.po().project("e2e-b").state(), HarnessState.RUNNING);
    assertEquals(HarnessState.STOPPED, live.po().project("e2e-off").state()); // never started
    assertFalse(Tmux.hasSession(live.socket(), "e2e-off-worker"));

    LaunchSummary stopped = live.po().stop().setAll(true).call();
    assertEquals("stopped 2, skipped 1, failed 0", stopped.line(), stopped.toString());
    EngineHarness.await(() -> live.po().project("e2e-a").state(), HarnessState.STOPPED);
    EngineHarness.await(() -> live.po().project("e2e-b").state(), HarnessState.STOPPED);
  }

  @Test
  void updateWithRestartMovesARunningProject() {
    create("e2e-up", "v0.1.0");
    Project p = live.po().project("e2e-up");
    p.start();
    EngineHarness.await(p::state, HarnessState.RUNNING);
    UpdateResult r = p.update("v0.2.0").setRestart(true).call();
    assertTrue(r.restarted());
    assertEquals(live.harness().commit("v0.2.0"), r.toCommit());
    assertEquals("v0.2.0", git(p.root().resolve("engine"), "describe", "--tags"));
    assertEquals("v0.2.0", live.po().fleet().requireProject("e2e-up").ref());
    EngineHarness.await(p::state, HarnessState.RUNNING);
    p.stop();
    EngineHarness.await(p::state, HarnessState.STOPPED);
    // a stopped project is not restarted
    assertFalse(live.po().project("e2e-up").update("v0.1.0").setRestart(true).call().restarted());
    assertEquals(HarnessState.STOPPED, p.state());
  }
}
