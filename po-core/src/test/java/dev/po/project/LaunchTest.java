package dev.po.project;

import dev.po.local.Trees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.Po;
import dev.po.PoException;
import dev.po.testing.ProjectRepo;
import dev.po.testing.HarnessRepo;
import dev.po.testing.TempFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** start and stop against the fixture's stand-in launcher, which logs the verbs it is given. */
class LaunchTest {
  @TempDir Path tmp;
  TempFleet fleet;
  Po po;

  @BeforeEach
  void fleet() {
    fleet = TempFleet.create(tmp);
    fleet.addProject("alpha", "v0.1.0");
    fleet.addProject("beta", "v0.1.0");
    fleet.addProject("off", "v0.1.0");
    fleet.append("enabled = false\n");
    po = Po.open(fleet.file());
  }

  private List<String> log(String project) {
    return HarnessRepo.launcherLog(tmp.resolve("projects").resolve(project));
  }

  @Test
  void startAndStopOneProject() throws Exception {
    LaunchResult up = po.project("alpha").start();
    assertEquals(LaunchResult.Outcome.DONE, up.outcome());
    assertEquals("started", up.message());
    LaunchResult down = po.project("alpha").stop();
    assertEquals("stopped", down.message());
    assertEquals(List.of("up", "down"), log("alpha"));
    assertEquals(List.of(), log("beta"));
  }

  @Test
  void aDisabledProjectIsRefusedUnlessForced() throws Exception {
    ProjectException e = assertThrows(ProjectException.class, () -> po.project("off").start());
    assertTrue(e.getMessage().contains("project off is disabled"), e.getMessage());
    assertEquals(List.of(), log("off"));
    po.project("off").start(true);
    assertEquals(List.of("up"), log("off"));

    LaunchSummary refused = po.start("off").call();
    assertEquals(1, refused.failed().size());
    LaunchSummary forced = po.start("off").setForce(true).call();
    assertTrue(forced.ok());
    // stop is never refused: stopping is always safe
    assertTrue(po.stop("off").call().ok());
  }

  @Test
  void allMeansEveryEnabledProjectAndSkipsTheDisabled() throws Exception {
    LaunchSummary s = po.start().setAll(true).call();
    assertTrue(s.ok());
    assertEquals(List.of("alpha", "beta"), s.done().stream().map(LaunchResult::project).toList());
    assertEquals(List.of("off"), s.skipped().stream().map(LaunchResult::project).toList());
    assertEquals("disabled", s.skipped().get(0).message());
    assertEquals("started 2, skipped 1, failed 0", s.line());
    LaunchSummary t = po.stop().setAll(true).call();
    assertEquals("stopped 2, skipped 1, failed 0", t.line());
    assertEquals("disabled, not running", t.skipped().get(0).message());
    assertEquals(List.of("up", "down"), log("alpha"));
    assertEquals(List.of("up", "down"), log("beta"));
    assertEquals(List.of(), log("off"));
  }

  @Test
  void stopAllStopsADisabledProjectThatRuns() throws Exception {
    po.start("off").setForce(true).call();
    // the stand-in launcher writes no status: say what a real harness would, a live watchdog
    Files.writeString(tmp.resolve("projects/off/.ao-state/status.json"),
        "{\"watchdog\": {\"alive\": true, \"pid\": " + ProcessHandle.current().pid() + "}, \"agents\": []}");
    assertEquals(HarnessState.RUNNING, po.project("off").state(), "the fixture's status file reads as running");
    LaunchSummary t = po.stop().setAll(true).call();
    assertEquals("stopped 3, skipped 0, failed 0", t.line());
    assertEquals(List.of("up", "down"), log("off"));
    // once its harness says stopped, it is skipped again
    Files.writeString(tmp.resolve("projects/off/.ao-state/status.json"), "{\"watchdog\": {\"alive\": false}, \"agents\": []}");
    assertEquals(HarnessState.STOPPED, po.project("off").state(), "the fixture's status file reads as stopped");
    assertEquals("stopped 2, skipped 1, failed 0", po.stop().setAll(true).call().line());
    assertEquals(List.of("up", "down"), log("off"));
  }

  @Test
  void oneByOneGivesTheSameSummary() throws Exception {
    LaunchSummary s = po.start().setAll(true).setParallel(false).call();
    assertEquals(List.of("alpha", "beta", "off"), s.results().stream().map(LaunchResult::project).toList());
    assertEquals("started 2, skipped 1, failed 0", s.line());
  }

  @Test
  void oneFailingProjectDoesNotStopTheOthers() throws Exception {
    // beta's engine is gone: no launcher to run.
    deleteTree(tmp.resolve("projects/beta/engine"));
    fleet.append("\n[projects.ghost]\nlocation = \"projects/ghost\"\nref = \"v0.1.0\"\n");
    LaunchSummary s = po.start("beta", "alpha", "nobody", "ghost").call();
    assertFalse(s.ok());
    assertEquals(List.of("alpha"), s.done().stream().map(LaunchResult::project).toList());
    assertEquals(List.of("beta", "nobody", "ghost"), s.failed().stream().map(LaunchResult::project).toList());
    assertTrue(s.failed().get(0).message().contains("no launcher " + tmp.resolve("projects/beta/engine/agents")), s.failed().get(0).message());
    assertTrue(s.failed().get(1).message().contains("no project 'nobody'"));
    assertTrue(s.failed().get(2).message().contains("is not a folder"));
    assertEquals(List.of("up"), log("alpha"));
  }

  @Test
  void aLauncherThatIsNotExecutableIsSaidSo() throws Exception {
    Path launcher = tmp.resolve("projects/beta/engine/agents");
    Files.setPosixFilePermissions(launcher, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    LaunchSummary s = po.start("beta").call();
    assertEquals(
        "project beta: the launcher " + launcher + " is not executable (chmod +x " + launcher + ")",
        s.failed().get(0).message());
  }

  @Test
  void aFailingLauncherIsReportedWithCommandFolderExitAndOutput() throws Exception {
    folder("bad");
    fleet.append(
        "\n[harnesses.broken]\nurl = \"" + fleet.harness().url() + "\"\n"
            + "launcher = [\"sh\", \"-c\", \"echo cannot start: $1; exit 4\", \"agents\"]\n"
            + "\n[projects.bad]\nlocation = \"projects/bad\"\nharness = \"broken\"\nref = \"v0.1.0\"\n");
    LaunchException e = assertThrows(LaunchException.class, () -> po.project("bad").start());
    assertEquals(4, e.exitValue());
    assertEquals(tmp.resolve("projects/bad"), e.folder());
    assertTrue(e.getMessage().startsWith("project bad: sh -c echo cannot start: $1; exit 4 agents up in " + tmp.resolve("projects/bad") + " exited 4"), e.getMessage());
    assertTrue(e.getMessage().endsWith("output:\ncannot start: up"), e.getMessage());
    LaunchSummary s = po.start("bad", "alpha").call();
    assertEquals("started 1, skipped 0, failed 1", s.line());
    assertTrue(s.failed().get(0).output().contains("cannot start: up"));
  }

  @Test
  void theEnvironmentPassesThroughWithExtras() throws Exception {
    folder("env");
    fleet.append(
        "\n[harnesses.envy]\nurl = \"" + fleet.harness().url() + "\"\n"
            + "launcher = [\"sh\", \"-c\", \"echo \\\"$AO_TMUX_SOCKET $PATH $1\\\" > env.log\", \"agents\"]\n"
            + "\n[projects.env]\nlocation = \"projects/env\"\nharness = \"envy\"\nref = \"v0.1.0\"\n");
    po.withEnvironment(Map.of("AO_TMUX_SOCKET", "po-test-env")).project("env").start();
    assertEquals(
        "po-test-env " + System.getenv("PATH") + " up",
        Files.readString(tmp.resolve("projects/env/env.log")).strip());
  }

  @Test
  void aLauncherPastItsTimeoutIsKilledAndReported() throws Exception {
    folder("slow");
    fleet.append(
        "\n[harnesses.slow]\nurl = \"" + fleet.harness().url() + "\"\n"
            + "launcher = [\"sh\", \"-c\", \"sleep 30\", \"agents\"]\n"
            + "\n[projects.slow]\nlocation = \"projects/slow\"\nharness = \"slow\"\nref = \"v0.1.0\"\n");
    LaunchException e =
        assertThrows(LaunchException.class, () -> po.withTimeout(Duration.ofMillis(500)).project("slow").start());
    assertEquals(-1, e.exitValue());
    assertTrue(e.getMessage().contains(" timed out after "), e.getMessage());
  }

  @Test
  void namesOrAllIsRequired() {
    assertThrows(PoException.class, () -> po.start().call());
    assertThrows(PoException.class, () -> po.stop("alpha").setAll(true).call());
  }

  @Test
  void stateReadsTheStatusFile() throws Exception {
    assertEquals(HarnessState.STOPPED, po.project("alpha").state()); // never started
    Path state = Files.createDirectories(tmp.resolve("projects/alpha/.ao-state"));
    Files.writeString(state.resolve("status.json"), "{\"watchdog\":{\"alive\":false,\"pid\":null},\"agents\":[]}");
    assertEquals(HarnessState.STOPPED, po.project("alpha").state());
    assertEquals(ProjectRepo.pin(tmp.resolve("projects/alpha")), fleet.harness().commit("v0.1.0"));
  }

  /** A folder for a project whose launcher needs no engine checkout. */
  private void folder(String name) throws IOException {
    Files.createDirectories(tmp.resolve("projects").resolve(name));
  }

  private static void deleteTree(Path p) throws IOException {
    Trees.delete(p);
  }
}
