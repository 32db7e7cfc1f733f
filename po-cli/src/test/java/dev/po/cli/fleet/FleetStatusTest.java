package dev.po.cli.fleet;

import static dev.po.cli.PoRun.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.po.cli.PoRun;
import dev.po.testing.ProjectRepo;
import dev.po.testing.TempFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code po fleet status}: a sound project, a drifting one, a missing one, one without engine. */
class FleetStatusTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  TempFleet fleet;

  @BeforeEach
  void fleetOfFour() throws Exception {
    fleet = TempFleet.create(tmp);
    fleet.addProject("alpha", "v0.1.0");
    // beta pins v0.1.0 while the registry asks for v0.2.0: drift
    ProjectRepo.create(tmp.resolve("projects/beta"), fleet.harness().url(), "v0.1.0");
    ProjectRepo.createWithoutEngine(tmp.resolve("projects/delta"));
    fleet.append(
        "\n[projects.beta]\nlocation = \"projects/beta\"\nref = \"v0.2.0\"\n"
            + "\n[projects.gamma]\nlocation = \"projects/gamma\"\nref = \"v0.1.0\"\nenabled = false\n"
            + "\n[projects.delta]\nlocation = \"projects/delta\"\nref = \"v0.1.0\"\n");
    assertFalse(Files.exists(tmp.resolve("projects/gamma")));
  }

  @Test
  void theTableShowsPinDriftSoundnessAndState() {
    PoRun r = on(fleet.file(), "fleet", "status");
    assertEquals(0, r.code(), r::toString);
    assertEquals("", r.err());
    List<String> lines = r.outLines();
    assertEquals(6, lines.size(), r::toString);
    assertEquals(List.of("NAME", "ENABLED", "HARNESS@REF", "PIN", "LOCATION", "STATE"), words(lines.get(0)));
    assertEquals(
        List.of("alpha", "yes", "agent-orchestrator@v0.1.0", "v0.1.0", "ok", "stopped"), words(lines.get(1)));
    assertEquals(
        List.of("beta", "yes", "agent-orchestrator@v0.2.0", "v0.1.0*", "ok", "stopped"), words(lines.get(2)));
    assertTrue(lines.get(3).startsWith("gamma  no "), r::toString);
    assertNotEquals("ok", column(lines, 3, "LOCATION"), r::toString);
    assertEquals("-", column(lines, 3, "PIN"), r::toString);
    assertNotEquals("ok", column(lines, 4, "LOCATION"), r::toString);
    assertEquals("* the pin differs from the registry's ref", lines.get(5));
    // aligned: every column starts at the header's index on every row
    int state = lines.get(0).indexOf("STATE");
    for (String row : lines.subList(1, 5)) {
      assertTrue(row.substring(state).matches("(running|degraded|stopped|unknown)"), row);
    }
  }

  @Test
  void jsonCarriesTheFullPinAndTheDocumentedFields() throws Exception {
    PoRun r = on(fleet.file(), "fleet", "status", "--json");
    assertEquals(0, r.code(), r::toString);
    JsonNode a = JSON.readTree(r.out());
    assertEquals(4, a.size(), r::toString);
    assertEquals(
        List.of("name", "enabled", "harness", "ref", "path", "exists", "sound", "problem", "pin",
            "pinName", "drift", "state", "agents"),
        FleetReadTest.fields(a.get(0)));
    for (JsonNode project : a) {
      assertTrue(project.get("agents").isArray() && project.get("agents").isEmpty(), "never started: no agents, " + project);
    }

    JsonNode alpha = a.get(0);
    assertEquals("alpha", alpha.get("name").asText());
    assertEquals("agent-orchestrator", alpha.get("harness").asText());
    assertEquals(tmp.resolve("projects/alpha").toAbsolutePath().normalize().toString(), alpha.get("path").asText());
    assertTrue(alpha.get("exists").asBoolean());
    assertTrue(alpha.get("sound").asBoolean());
    assertTrue(alpha.get("problem").isNull());
    assertEquals(fleet.harness().commit("v0.1.0"), alpha.get("pin").asText());
    assertEquals("v0.1.0", alpha.get("pinName").asText());
    assertFalse(alpha.get("drift").asBoolean());
    assertEquals("stopped", alpha.get("state").asText());

    JsonNode beta = a.get(1);
    assertEquals(fleet.harness().commit("v0.1.0"), beta.get("pin").asText());
    assertTrue(beta.get("drift").asBoolean());

    JsonNode gamma = a.get(2);
    assertFalse(gamma.get("enabled").asBoolean());
    assertFalse(gamma.get("exists").asBoolean());
    assertFalse(gamma.get("sound").asBoolean());
    assertTrue(gamma.get("problem").isTextual());
    assertTrue(gamma.get("pin").isNull());

    JsonNode delta = a.get(3);
    assertTrue(delta.get("exists").asBoolean());
    assertFalse(delta.get("sound").asBoolean());
    assertTrue(delta.get("pin").isNull());
  }

  @Test
  void agentsShowARowPerAgentAndTheirDetailInJson() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "600").start();
    try {
      long pid = sleeper.pid();
      Path state = tmp.resolve("projects/alpha/.ao-state");
      Files.createDirectories(state);
      Files.writeString(state.resolve("status.json"), "{\"writtenAt\": \"" + java.time.Instant.now() + "\","
          + " \"watchdog\": {\"alive\": true, \"pid\": " + pid + "}, \"agents\": ["
          + "{\"name\": \"worker\", \"watch\": \"heal\", \"state\": \"running\", \"pid\": " + pid
          + ", \"restarts\": 2, \"uptimeSeconds\": 300, \"lastExit\": 137},"
          + "{\"name\": \"helper\", \"watch\": \"off\", \"state\": \"dead\", \"pid\": null,"
          + " \"restarts\": 0, \"uptimeSeconds\": null, \"lastExit\": 3}]}");

      PoRun t = on(fleet.file(), "fleet", "status", "--agents", "alpha");
      assertEquals(0, t.code(), t::toString);
      List<String> lines = t.outLines();
      assertEquals(List.of("alpha", "yes", "agent-orchestrator@v0.1.0", "v0.1.0", "ok", "degraded"), words(lines.get(1)));
      assertEquals("", lines.get(2));
      assertEquals(List.of("PROJECT", "AGENT", "STATE", "PID", "UPTIME", "RESTARTS", "LAST", "EXIT"), words(lines.get(3)));
      assertEquals(List.of("alpha", "worker", "running", Long.toString(pid), "5m", "2", "137"), words(lines.get(4)));
      assertEquals(List.of("alpha", "helper", "dead", "-", "-", "0", "3"), words(lines.get(5)));
      assertEquals(6, lines.size(), t::toString);

      JsonNode agents = JSON.readTree(on(fleet.file(), "fleet", "status", "--json", "alpha").out()).get(0).get("agents");
      assertEquals(2, agents.size());
      JsonNode worker = agents.get(0);
      assertEquals(List.of("name", "watch", "state", "alive", "pid", "uptimeSeconds", "restarts", "lastExit"),
          FleetReadTest.fields(worker));
      assertEquals("running", worker.get("state").asText());
      assertTrue(worker.get("alive").asBoolean());
      assertEquals(pid, worker.get("pid").asLong());
      assertTrue(worker.get("uptimeSeconds").asLong() >= 300);
      assertEquals(2, worker.get("restarts").asInt());
      assertEquals(137, worker.get("lastExit").asInt());
      JsonNode helper = agents.get(1);
      assertEquals("off", helper.get("watch").asText());
      assertTrue(helper.get("pid").isNull());
      assertTrue(helper.get("uptimeSeconds").isNull());
    } finally {
      sleeper.destroyForcibly();
    }
  }

  @Test
  void agentsOfProjectsThatNeverRanSaySo() {
    PoRun t = on(fleet.file(), "fleet", "status", "--agents", "alpha");
    assertEquals(0, t.code(), t::toString);
    assertEquals("no agents recorded: a project's harness records its agents when it first starts", t.outLines().get(3));
  }

  @Test
  void namedProjectsOnly() throws Exception {
    JsonNode a = JSON.readTree(on(fleet.file(), "fleet", "status", "--json", "beta").out());
    assertEquals(1, a.size());
    assertEquals("beta", a.get(0).get("name").asText());
    PoRun t = on(fleet.file(), "fleet", "status", "alpha");
    assertEquals(2, t.outLines().size(), t::toString);
  }

  @Test
  void anUnknownNameIsExit1() {
    PoRun r = on(fleet.file(), "fleet", "status", "alpha", "nope");
    assertEquals(1, r.code(), r::toString);
    assertEquals("po: no project 'nope' in the fleet registry\n", r.err());
  }

  private static List<String> words(String line) {
    return Arrays.asList(line.trim().split("\\s+"));
  }

  /** The cell of {@code row} under the header {@code name}, by the header's index. */
  private static String column(List<String> lines, int row, String name) {
    String header = lines.get(0);
    int from = header.indexOf(name);
    int to = header.indexOf(' ', from + name.length());
    while (to >= 0 && to < header.length() && header.charAt(to) == ' ') {
      to++;
    }
    String r = lines.get(row);
    return r.substring(from, to < 0 || to >= header.length() ? r.length() : Math.min(to, r.length())).trim();
  }
}
