package dev.po.cli.fleet;

import static dev.po.cli.PoRun.on;
import static dev.po.cli.PoRun.withEnv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.po.cli.PoRun;
import dev.po.testing.TempFleet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code po fleet list} and {@code po fleet get} on a real temp fleet. */
class FleetReadTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  TempFleet fleet;

  @BeforeEach
  void twoProjectsOneWithItsOwnHarness() {
    fleet = TempFleet.create(tmp);
    fleet.addProject("alpha", "v0.1.0");
    fleet.append(
        "\n[harnesses.other]\nurl = \"" + fleet.harness().url() + "\"\n"
            + "\n[projects.beta]\nlocation = \"/srv/beta\"\nharness = \"other\"\n"
            + "ref = \"v0.2.0\"\nenabled = false\n");
  }

  @Test
  void listPrintsAnAlignedTableInFileOrder() {
    PoRun r = on(fleet.file(), "fleet", "list");
    assertEquals(0, r.code(), r::toString);
    assertEquals(
        "NAME   LOCATION        HARNESS             REF     ENABLED\n"
            + "alpha  projects/alpha  agent-orchestrator  v0.1.0  yes\n"
            + "beta   /srv/beta       other               v0.2.0  no\n",
        r.out());
    assertEquals("", r.err());
  }

  @Test
  void listJsonHasTheDocumentedFieldsInOrder() throws Exception {
    PoRun r = on(fleet.file(), "fleet", "list", "--json");
    assertEquals(0, r.code(), r::toString);
    JsonNode a = JSON.readTree(r.out());
    assertEquals(2, a.size(), r::toString);
    assertEquals(List.of("name", "location", "harness", "ref", "enabled", "host"), fields(a.get(0)));
    assertEquals("alpha", a.get(0).get("name").asText());
    assertEquals("projects/alpha", a.get(0).get("location").asText());
    // the default harness, resolved
    assertEquals("agent-orchestrator", a.get(0).get("harness").asText());
    assertEquals("v0.1.0", a.get(0).get("ref").asText());
    assertTrue(a.get(0).get("enabled").asBoolean());
    assertEquals("other", a.get(1).get("harness").asText());
    assertTrue(a.get(1).get("enabled").isBoolean());
    assertFalse(a.get(1).get("enabled").asBoolean());
  }

  @Test
  void anEmptyFleetSaysSoOrPrintsAnEmptyArray() throws Exception {
    TempFleet empty = TempFleet.create(tmp.resolve("empty"));
    for (String cmd : new String[] {"list", "status"}) {
      PoRun t = on(empty.file(), "fleet", cmd);
      assertEquals(0, t.code(), t::toString);
      assertEquals("no projects registered in " + empty.file() + "\n", t.out(), t::toString);
    }
    for (String cmd : new String[] {"list", "status"}) {
      PoRun j = on(empty.file(), "fleet", cmd, "--json");
      assertEquals(0, j.code(), j::toString);
      assertEquals("[]\n", j.out());
    }
  }

  @Test
  void getShowsOneProjectWithItsResolvedPath() throws Exception {
    PoRun r = on(fleet.file(), "fleet", "get", "alpha", "--json");
    assertEquals(0, r.code(), r::toString);
    JsonNode o = JSON.readTree(r.out());
    assertEquals(List.of("name", "location", "harness", "ref", "enabled", "host", "path"), fields(o));
    assertEquals(tmp.resolve("projects/alpha").toAbsolutePath().normalize().toString(), o.get("path").asText());
    assertEquals("projects/alpha", o.get("location").asText());

    PoRun text = on(fleet.file(), "fleet", "get", "beta");
    assertEquals(0, text.code(), text::toString);
    assertEquals(
        "name:     beta\n"
            + "location: /srv/beta\n"
            + "harness:  other\n"
            + "ref:      v0.2.0\n"
            + "enabled:  false\n"
            + "host:     -\n"
            + "path:     /srv/beta\n",
        text.out());
  }

  @Test
  void anUnknownProjectIsOneLineAndExit1() {
    PoRun r = on(fleet.file(), "fleet", "get", "nope");
    assertEquals(1, r.code(), r::toString);
    assertEquals("po: no project 'nope' in the fleet registry\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void aMissingRegistryIsOneLineWithoutStackTrace() {
    Path missing = tmp.resolve("nowhere/fleet.toml");
    PoRun r = on(missing, "fleet", "list");
    assertEquals(1, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().startsWith("po: "), r::toString);
    assertTrue(r.err().contains("fleet.toml"), r::toString);
    assertFalse(r.err().contains("internal error"), r::toString);
    PoRun v = on(missing, "fleet", "list", "--verbose");
    assertTrue(v.err().contains("\tat "), v::toString);
  }

  @Test
  void theRegistryComesFromPoFleetUnlessFleetIsGiven() {
    PoRun env = withEnv(Map.of("PO_FLEET", fleet.file().toString()), "fleet", "list");
    assertEquals(0, env.code(), env::toString);
    assertTrue(env.out().contains("alpha"), env::toString);

    PoRun both =
        withEnv(
            Map.of("PO_FLEET", tmp.resolve("nowhere.toml").toString()),
            "fleet", "list", "--fleet", fleet.file().toString());
    assertEquals(0, both.code(), both::toString);

    PoRun before =
        withEnv(
            Map.of("PO_FLEET", tmp.resolve("nowhere.toml").toString()),
            "--fleet", fleet.file().toString(), "fleet", "list");
    assertEquals(0, before.code(), before::toString);
    assertTrue(before.out().contains("alpha"), before::toString);

    PoRun wrongEnv = withEnv(Map.of("PO_FLEET", tmp.resolve("nowhere.toml").toString()), "fleet", "list");
    assertEquals(1, wrongEnv.code(), wrongEnv::toString);
    assertTrue(wrongEnv.err().contains("nowhere.toml"), wrongEnv::toString);
  }

  static List<String> fields(JsonNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
