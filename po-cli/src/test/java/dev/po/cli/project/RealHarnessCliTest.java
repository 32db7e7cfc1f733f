package dev.po.cli.project;

import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.cli.PoRun;
import dev.po.project.HarnessState;
import dev.po.local.HarnessStates;
import dev.po.testing.EngineHarness;
import dev.po.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's path end to end, as commands: publish this repository's engine/ with two tags,
 * create projects on it, start and stop them with the real launcher on a private tmux socket,
 * update one while it runs.
 */
class RealHarnessCliTest {

  @TempDir Path tmp;
  String socket;
  Map<String, String> env;
  Path fleet;

  @BeforeEach
  void publishAndWriteTheFleet() throws Exception {
    socket = EngineHarness.newSocket();
    env = EngineHarness.env(socket);
    Path bare = tmp.resolve("agent-orchestrator.git");
    assertEquals(0, po("harness", "publish", "--engine", EngineHarness.engineDir().toString(), "--to", bare.toString(), "--tag", "v0.1.0").code());
    Path next = EngineHarness.publish(tmp.resolve("next")).bare(); // the same engine, a later commit
    git(tmp, "--git-dir=" + bare, "fetch", "-q", next.toString(), "refs/heads/main:refs/heads/next", "refs/tags/v0.2.0:refs/tags/v0.2.0");
    fleet = tmp.resolve("fleet.toml");
    Files.writeString(
        fleet,
        "[defaults]\nprojects_dir = \"projects\"\nharness = \"agent-orchestrator\"\n\n"
            + "[harnesses.agent-orchestrator]\nurl = \"" + bare + "\"\n");
  }

  @AfterEach
  void stopEverythingThenKillTmux() {
    // down first: a watchdog left running would heal its agents into a new tmux server
    for (String name : List.of("cli-a", "cli-b", "cli-off")) {
      if (Files.isDirectory(tmp.resolve("projects").resolve(name))) {
        po("stop", name);
      }
    }
    Tmux.kill(socket);
  }

  private PoRun po(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (fleet != null) {
      all.add("--fleet");
      all.add(fleet.toString());
    }
    return PoRun.withEnv(env, all.toArray(String[]::new));
  }

  private void await(String project, HarnessState want) {
    Path root = tmp.resolve("projects").resolve(project);
    EngineHarness.await(() -> HarnessStates.of(root), want);
  }


  @Test
  void createStartUpdateStop() throws Exception {
    for (String name : List.of("cli-a", "cli-b", "cli-off")) {
      PoRun c = po("create", name, "--ref", "v0.1.0", "--register", "--agent-command", "sleep 100000");
      assertEquals(0, c.code(), c.toString());
    }
    assertEquals(0, po("fleet", "disable", "cli-off").code());

    PoRun up = po("start", "--all");
    assertEquals(0, up.code(), up.toString());
    assertEquals("started 2, skipped 1, failed 0", up.outLines().get(3));
    await("cli-a", HarnessState.RUNNING);
    await("cli-b", HarnessState.RUNNING);
    assertTrue(Tmux.hasSession(socket, "cli-a-worker"));
    assertFalse(Tmux.hasSession(socket, "cli-off-worker"));
    PoRun status = po("fleet", "status", "--json");
    var projects = new com.fasterxml.jackson.databind.ObjectMapper().readTree(status.out());
    int running = 0;
    for (var p : projects) {
      running += p.get("state").asText().equals("running") ? 1 : 0;
    }
    assertEquals(2, running, status.toString());

    PoRun update = po("update", "cli-a", "v0.2.0", "--restart");
    assertEquals(0, update.code(), update.toString());
    assertTrue(update.out().strip().endsWith(", restarted"), update.toString());
    assertEquals("v0.2.0", git(tmp.resolve("projects/cli-a/engine"), "describe", "--tags"));
    await("cli-a", HarnessState.RUNNING);

    PoRun stopOne = po("stop", "cli-b");
    assertEquals(0, stopOne.code(), stopOne.toString());
    await("cli-b", HarnessState.STOPPED);
    PoRun down = po("stop", "--all");
    assertEquals(0, down.code(), down.toString());
    await("cli-a", HarnessState.STOPPED);
    assertFalse(Tmux.hasSession(socket, "cli-a-worker"));
  }
}
