package dev.po.cli.project;

import static dev.po.cli.PoRun.on;
import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.cli.PoRun;
import dev.po.testing.ProjectRepo;
import dev.po.testing.TempFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code po logs}, {@code po attach} and {@code po update --all} as typed, over real repositories
 * with the stand-in launcher and log files as the harness writes them (the real harness is in
 * po-core's DayTwoTest); what holds for a project anywhere is {@link AgentLogsContract}'s.
 */
class DayTwoCliTest extends AgentLogsContract {
  @TempDir Path tmp;
  TempFleet fleet;
  Path alpha;

  @BeforeEach
  void fleet() throws Exception {
    fleet = TempFleet.create(tmp);
    alpha = fleet.addProject("alpha", "v0.1.0");
  }

  @Override
  Path fleetFile() {
    return fleet.file();
  }

  @Override
  void log(String agent, String text) throws Exception {
    Path logs = alpha.resolve(".ao-state/logs");
    Files.createDirectories(logs);
    Files.writeString(logs.resolve(agent + ".log"), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Test
  void logsFollowPrintsLinesAsTheyAreWrittenUntilInterrupted() throws Exception {
    log("worker", "old\n");
    try (PoRun.Running po = PoRun.start("logs", "alpha", "worker", "-f", "--fleet", fleet.file().toString())) {
      po.awaitOut("old\n");
      log("worker", "new\n");
      po.awaitOut("old\nnew\n");
      assertEquals(0, po.stop());
    }
  }

  @Test
  void aRollingUpdateMovesEachProjectAtTheOldRefAndSaysSo() {
    Path beta = fleet.addProject("beta", "v0.1.0");
    fleet.addProject("gamma", "v0.2.0");
    PoRun r = on(fleet.file(), "update", "--all", "--from", "v0.1.0", "v0.2.0");
    assertEquals(0, r.code(), r::toString);
    List<String> lines = r.outLines();
    assertEquals(3, lines.size(), r::toString);
    assertTrue(lines.get(0).startsWith("alpha: engine v0.1.0 ("), r::toString);
    assertTrue(lines.get(1).startsWith("beta: engine v0.1.0 ("), r::toString);
    assertEquals("moved 2, failed 0, not attempted 0", lines.get(2));
    assertEquals(fleet.harness().commit("v0.2.0"), ProjectRepo.pin(beta));
    PoRun again = PoRun.withEnv(Map.of("PO_FLEET", fleet.file().toString()), "update", "v0.3.0", "--from=v0.1.0", "--all");
    assertEquals(List.of("no enabled project is at v0.1.0", "moved 0, failed 0, not attempted 0"), again.outLines());
    assertEquals(0, again.code());
  }

  @Test
  void aRollingUpdateStopsAtTheFirstFailureUnlessKeepGoing() throws Exception {
    Path beta = fleet.addProject("beta", "v0.1.0");
    fleet.addProject("gamma", "v0.1.0");
    Files.writeString(beta.resolve("notes.md"), "wip\n");
    git(beta, "add", "notes.md");
    PoRun r = on(fleet.file(), "update", "--all", "--from", "v0.1.0", "v0.2.0");
    assertEquals(1, r.code(), r::toString);
    assertEquals(List.of("beta: failed", "gamma: not attempted", "moved 1, failed 1, not attempted 1"),
        r.outLines().subList(1, 4));
    assertEquals(List.of("po: project beta: not updating, the project has staged changes (notes.md)"), r.errLines());

    PoRun on = on(fleet.file(), "update", "--all", "--from", "v0.1.0", "--keep-going", "v0.2.0");
    assertEquals(1, on.code(), on::toString);
    assertEquals(List.of("beta: failed"), on.outLines().subList(0, 1));
    assertTrue(on.outLines().get(1).startsWith("gamma: engine v0.1.0 ("), on::toString);
    assertEquals("moved 1, failed 1, not attempted 0", on.outLines().get(2));
  }

  @Test
  void rollingUpdateUsageErrorsExitTwo() {
    for (String[] args : List.of(
        new String[] {"update", "--all", "v0.2.0"},
        new String[] {"update", "--all", "--from", "v0.1.0", "alpha", "v0.2.0"},
        new String[] {"update", "alpha", "v0.2.0", "--from", "v0.1.0"},
        new String[] {"update", "alpha", "v0.2.0", "--keep-going"},
        new String[] {"update", "--all", "--from", "v0.1.0", "--settle", "5", "v0.2.0"},
        new String[] {"update", "--all", "--from", "v0.1.0", "--restart", "--settle", "-1", "v0.2.0"},
        new String[] {"update", "alpha"})) {
      PoRun r = on(fleet.file(), args);
      assertEquals(2, r.code(), String.join(" ", args) + "\n" + r);
    }
    assertEquals(fleet.harness().commit("v0.1.0"), ProjectRepo.pin(alpha));
  }
}
