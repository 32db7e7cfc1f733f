package dev.po.cli.project;

import static dev.po.cli.PoRun.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.cli.PoRun;
import dev.po.testing.HarnessRepo;
import dev.po.testing.TempFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** start and stop through the CLI against the fixture's stand-in launcher. */
class StartStopCliTest {
  @TempDir Path tmp;
  TempFleet fleet;

  @BeforeEach
  void fleet() {
    fleet = TempFleet.create(tmp);
    fleet.addProject("alpha", "v0.1.0");
    fleet.addProject("beta", "v0.1.0");
    fleet.addProject("off", "v0.1.0");
    fleet.append("enabled = false\n");
  }

  private List<String> log(String project) {
    return HarnessRepo.launcherLog(tmp.resolve("projects").resolve(project));
  }

  private static List<String> withoutTimes(List<String> lines) {
    return lines.stream().map(l -> l.replaceAll(" \\(\\d+\\.\\ds\\)$", "")).toList();
  }

  @Test
  void startAndStopOne() throws Exception {
    PoRun up = on(fleet.file(), "start", "alpha");
    assertEquals(0, up.code(), up.toString());
    assertEquals(List.of("alpha: started", "started 1, skipped 0, failed 0"), withoutTimes(up.outLines()));
    PoRun down = on(fleet.file(), "stop", "alpha");
    assertEquals(List.of("alpha: stopped", "stopped 1, skipped 0, failed 0"), withoutTimes(down.outLines()));
    assertEquals(List.of("up", "down"), log("alpha"));
  }

  @Test
  void allSkipsDisabledProjects() throws Exception {
    PoRun up = on(fleet.file(), "start", "--all");
    assertEquals(0, up.code(), up.toString());
    assertEquals(
        List.of("alpha: started", "beta: started", "off: skipped (disabled)", "started 2, skipped 1, failed 0"),
        withoutTimes(up.outLines()));
    PoRun down = on(fleet.file(), "stop", "--all");
    assertEquals("stopped 2, skipped 1, failed 0", down.outLines().get(3));
    assertEquals(List.of(), log("off"));
  }

  @Test
  void aDisabledProjectNeedsForce() throws Exception {
    PoRun refused = on(fleet.file(), "start", "off");
    assertEquals(1, refused.code());
    assertEquals(List.of("po: project off is disabled; start it with --force"), refused.errLines());
    assertEquals(List.of(), log("off"));
    PoRun forced = on(fleet.file(), "start", "off", "--force");
    assertEquals(0, forced.code(), forced.toString());
    assertEquals(List.of("up"), log("off"));
  }

  @Test
  void oneFailureDoesNotStopTheOthersAndExitsOne() throws Exception {
    PoRun r = on(fleet.file(), "start", "nobody", "alpha");
    assertEquals(1, r.code());
    assertEquals(List.of("nobody: failed", "alpha: started", "started 1, skipped 0, failed 1"), withoutTimes(r.outLines()));
    assertEquals(List.of("po: no project 'nobody' in the fleet registry"), r.errLines());
    assertEquals(List.of("up"), log("alpha"));
  }

  @Test
  void namesOrAllButNotBoth() {
    assertEquals(2, on(fleet.file(), "start").code());
    PoRun both = on(fleet.file(), "stop", "alpha", "--all");
    assertEquals(2, both.code());
    assertTrue(both.err().startsWith("po: name projects or use --all, not both"), both.err());
  }

  @Test
  void theEnvironmentReachesTheLauncher() throws Exception {
    Files.createDirectories(tmp.resolve("projects/env"));
    fleet.append(
        "\n[harnesses.envy]\nurl = \"" + fleet.harness().url() + "\"\n"
            + "launcher = [\"sh\", \"-c\", \"echo \\\"$AO_TMUX_SOCKET $1\\\" > env.log\", \"agents\"]\n"
            + "\n[projects.env]\nlocation = \"projects/env\"\nharness = \"envy\"\nref = \"v0.1.0\"\n");
    PoRun r = PoRun.withEnv(java.util.Map.of("AO_TMUX_SOCKET", "po-test-cli"), "start", "env", "--fleet", fleet.file().toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("po-test-cli up", Files.readString(tmp.resolve("projects/env/env.log")).strip());
  }
}
