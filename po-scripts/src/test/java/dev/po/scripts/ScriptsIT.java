package dev.po.scripts;

import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.fleet.Registry;
import dev.po.testing.HarnessRepo;
import dev.po.testing.TempFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each launcher under po-scripts/ run end to end, as an operator types it, against a temp fleet
 * whose harness is the fixtures' stand-in launcher (it records the verbs it is given).
 */
class ScriptsIT {
  @TempDir Path tmp;
  TempFleet fleet;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void fleet() {
    fleet = TempFleet.create(tmp);
  }

  private Run script(Map<String, String> env, String name, String... args) throws IOException, InterruptedException {
    return run(tmp, env, name, args);
  }

  /** Runs the launcher {@code name} in {@code dir} with {@code env} added, stdin empty, as typed. */
  static Run run(Path dir, Map<String, String> env, String name, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(name).toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), name + " did not finish");
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private Run script(String name, String... args) throws IOException, InterruptedException {
    return script(Map.of("PO_FLEET", fleet.file().toString()), name, args);
  }

  @Test
  void fleetListsGetsValidatesAndShowsStatus() throws Exception {
    fleet.addProject("alpha", "v0.1.0");
    Run list = script("fleet", "list");
    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().startsWith("alpha "), list.out());

    // --fleet wins over $PO_FLEET, and ./fleet.toml is the last resort (the script runs in tmp).
    Run get = script(Map.of("PO_FLEET", "/nowhere/fleet.toml"), "fleet", "get", "alpha", "--fleet", fleet.file().toString());
    assertEquals(0, get.code(), get.err());
    assertTrue(get.out().contains("ref       v0.1.0"), get.out());
    Run here = script(Map.of(), "fleet", "get", "alpha");
    assertEquals(0, here.code(), here.err());

    Run ok = script("fleet", "validate");
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().endsWith(": OK (1 project, 1 harness)\n"), ok.out());

    Run status = script("fleet", "status");
    assertEquals(0, status.code(), status.err());
    assertTrue(status.out().contains("v0.1.0"), status.out());
  }

  @Test
  void problemsAndUsageGiveTheSameExitCodesAsPo() throws Exception {
    fleet.append("\n[projects.x]\nlocation = \"x\"\nref = \"v0.1.0\"\nenabeld = true\n");
    Run bad = script("fleet", "validate");
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("fleet.toml:") && bad.err().contains("unknown key 'enabeld'"), bad.err());

    Run unknown = script("fleet", "get", "nope");
    assertEquals(1, unknown.code());
    Run usage = script("fleet", "--bogus");
    assertEquals(2, usage.code());
    assertTrue(usage.err().startsWith("fleet: unknown option --bogus"), usage.err());
    Run missing = script("create-project", "p");
    assertEquals(2, missing.code());
    assertTrue(missing.err().startsWith("create-project: missing --ref REF"), missing.err());
  }

  @Test
  void createStartStopUpdateEndToEnd() throws Exception {
    // A location with spaces and quotes reaches po-core unchanged.
    Path odd = tmp.resolve("with space/it's \"quoted\"/proj");
    Run made = script("create-project", "proj", "--ref", "v0.1.0", "--location", odd.toString(), "--register");
    assertEquals(0, made.code(), made.err());
    // the same lines as po create
    assertEquals("created proj at " + odd + ": engine at agent-orchestrator v0.1.0 ("
        + fleet.harness().commit("v0.1.0").substring(0, 12) + ")\nregistered proj in " + fleet.file() + "\n", made.out());
    assertEquals(fleet.harness().commit("v0.1.0"), git(odd, "rev-parse", "HEAD:engine"));
    assertEquals(odd, Registry.at(fleet.file()).read().pathOf(Registry.at(fleet.file()).read().requireProject("proj")));

    Run start = script("start-project", "proj");
    assertEquals(0, start.code(), start.err());
    assertTrue(start.out().matches("proj: started \\(\\d+\\.\\ds\\)\nstarted 1, skipped 0, failed 0\n"), start.out());
    Run stop = script("stop-project", "--all");
    assertEquals(0, stop.code(), stop.err());
    assertTrue(stop.out().matches("proj: stopped \\(\\d+\\.\\ds\\)\nstopped 1, skipped 0, failed 0\n"), stop.out());
    assertEquals(List.of("up", "down"), HarnessRepo.launcherLog(odd));

    Run moved = script("update-project", "proj", "v0.2.0");
    assertEquals(0, moved.code(), moved.err());
    String c1 = fleet.harness().commit("v0.1.0").substring(0, 12);
    String c2 = fleet.harness().commit("v0.2.0").substring(0, 12);
    assertTrue(moved.out().matches("proj: engine v0\\.1\\.0 \\(" + c1 + "\\) -> v0\\.2\\.0 \\(" + c2
        + "\\), committed [0-9a-f]{12}\n"), moved.out());
    assertEquals(fleet.harness().commit("v0.2.0"), git(odd, "rev-parse", "HEAD:engine"));
    assertEquals("v0.2.0", Registry.at(fleet.file()).read().requireProject("proj").ref());

    Run again = script("update-project", "proj", "v0.2.0");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().endsWith(", pin unchanged\n"), again.out());

    Run refused = script("update-project", "proj", "v9.9.9");
    assertEquals(1, refused.code());
    assertTrue(refused.err().startsWith("update-project: "), refused.err());
  }

  @Test
  void createTakesTheAgentCommandAsPoDoes() throws Exception {
    Run made = script("create-project", "tool", "--ref", "v0.1.0", "--agent-command", "my-agent  --flag x");
    assertEquals(0, made.code(), made.err());
    String toml = Files.readString(tmp.resolve("projects/tool/agents.toml"));
    assertTrue(toml.contains("command = [\"my-agent\", \"--flag\", \"x\"]\n"), toml);
  }

  @Test
  void logsPrintTheEndOfEachAgentsLogAsPoDoes() throws Exception {
    Path alpha = fleet.addProject("alpha", "v0.1.0");
    Path logs = Files.createDirectories(alpha.resolve(".ao-state/logs"));
    Files.writeString(logs.resolve("worker.log"), "w1\r\nw2\r\nw3\r\n");
    Files.writeString(logs.resolve("qa.log"), "q1\n");

    Run one = script("logs", "alpha", "worker", "-n", "2");
    assertEquals(0, one.code(), one.err());
    assertEquals("w2\nw3\n", one.out());
    Run all = script("logs", "--lines=1", "alpha");
    assertEquals(0, all.code(), all.err());
    assertEquals("qa     | q1\nworker | w3\n", all.out());

    Run unknown = script("logs", "alpha", "nobody");
    assertEquals(1, unknown.code());
    assertEquals("logs: project alpha has no agent 'nobody' (its agents: qa, worker)\n", unknown.err());
    Run usage = script("logs", "alpha", "-n", "many");
    assertEquals(2, usage.code());
    assertTrue(usage.err().startsWith("logs: -n needs a number of lines, not many"), usage.err());
  }
}
