package dev.po.cli.fleet;

import static dev.po.cli.PoRun.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.po.cli.PoRun;
import dev.po.testing.ProjectRepo;
import dev.po.testing.TempFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** register, unregister, enable, disable: they change fleet.toml and keep the operator's text. */
class FleetEditTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  @TempDir Path elsewhere;
  TempFleet fleet;

  @BeforeEach
  void oneProject() {
    fleet = TempFleet.create(tmp);
    fleet.addProject("alpha", "v0.1.0");
    fleet.append("\n[harnesses.other]\nurl = \"" + fleet.harness().url() + "\"\n");
  }

  @Test
  void registerInsideTheFleetFolderStoresARelativeLocation() throws Exception {
    ProjectRepo.createWithoutEngine(tmp.resolve("projects/gamma"));
    PoRun r =
        on(fleet.file(), "fleet", "register", "gamma",
            "--location", tmp.resolve("projects/gamma").toString(), "--ref", "v0.2.0");
    assertEquals(0, r.code(), r::toString);
    assertEquals("registered gamma at projects/gamma (ref v0.2.0)\n", r.out());
    assertTrue(fleet.text().startsWith("# test fleet\n"), fleet::text);
    assertTrue(fleet.text().contains("[projects.gamma]"), fleet::text);
    JsonNode g = get("gamma");
    assertEquals("projects/gamma", g.get("location").asText());
    assertEquals("agent-orchestrator", g.get("harness").asText());
    assertEquals("v0.2.0", g.get("ref").asText());
    assertTrue(g.get("enabled").asBoolean());
    assertEquals(tmp.resolve("projects/gamma").toAbsolutePath().normalize().toString(), g.get("path").asText());
  }

  @Test
  void registerOutsideStoresAnAbsoluteLocationWithItsOptions() throws Exception {
    Path dir = ProjectRepo.createWithoutEngine(elsewhere.resolve("far/away"));
    PoRun r =
        on(fleet.file(), "fleet", "register", "far", "--location", dir.toString(),
            "--ref", "v0.1.0", "--harness", "other", "--disabled");
    assertEquals(0, r.code(), r::toString);
    assertEquals("registered far at " + dir.toAbsolutePath().normalize() + " (ref v0.1.0, disabled)\n", r.out());
    JsonNode f = get("far");
    assertEquals(dir.toAbsolutePath().normalize().toString(), f.get("location").asText());
    assertEquals("other", f.get("harness").asText());
    assertFalse(f.get("enabled").asBoolean());
  }

  @Test
  void registerResolvesARelativeDirAgainstTheCurrentDirectory() throws Exception {
    // the tests run in the module folder, which is not the temp fleet's folder
    Path rel = Path.of("target/register-rel-" + System.nanoTime());
    ProjectRepo.createWithoutEngine(rel);
    try {
      PoRun r = on(fleet.file(), "fleet", "register", "rel", "--location", rel.toString(), "--ref", "v0.1.0");
      assertEquals(0, r.code(), r::toString);
      assertEquals(rel.toAbsolutePath().normalize().toString(), get("rel").get("location").asText());
    } finally {
      try (var files = Files.walk(rel)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void registerRefusesAMissingFolderOrOneThatIsNoRepository() throws Exception {
    String before = fleet.text();
    Path missing = elsewhere.resolve("nowhere");
    PoRun r = on(fleet.file(), "fleet", "register", "ghost", "--location", missing.toString(), "--ref", "v0.1.0");
    assertEquals(1, r.code(), r::toString);
    assertEquals("po: cannot register: location " + missing + " does not exist"
        + " (register an existing project; po create makes a new one)\n", r.err());
    Path plain = Files.createDirectories(elsewhere.resolve("plain"));
    PoRun s = on(fleet.file(), "fleet", "register", "ghost", "--location", plain.toString(), "--ref", "v0.1.0");
    assertEquals(1, s.code(), s::toString);
    assertTrue(s.err().startsWith("po: cannot register: " + plain + " is not a git repository"), s::toString);
    assertEquals(before, fleet.text());
  }

  @Test
  void registerRefusesANameAlreadyRegistered() {
    String before = fleet.text();
    PoRun r = on(fleet.file(), "fleet", "register", "alpha", "--location", "x", "--ref", "v0.2.0");
    assertEquals(1, r.code(), r::toString);
    assertEquals("po: project alpha is already registered (location projects/alpha)\n", r.err());
    assertEquals(before, fleet.text());
  }

  @Test
  void registerRefusesAnInvalidNameWithExit1() {
    String before = fleet.text();
    PoRun r = on(fleet.file(), "fleet", "register", "Not_Valid", "--location", "x", "--ref", "v0.1.0");
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().startsWith("po: invalid project name 'Not_Valid'"), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertEquals(before, fleet.text());
  }

  @Test
  void registerRefusesAnUndeclaredHarnessAndLeavesTheFileAlone() {
    String before = fleet.text();
    PoRun r =
        on(fleet.file(), "fleet", "register", "gamma", "--location", "x", "--ref", "v0.1.0",
            "--harness", "nope");
    assertEquals(1, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().startsWith("po: ") && r.err().contains("'nope'"), r::toString);
    assertEquals(before, fleet.text());
  }

  @Test
  void unregisterRemovesTheEntryAndLeavesTheFolder() throws Exception {
    PoRun r = on(fleet.file(), "fleet", "unregister", "alpha");
    assertEquals(0, r.code(), r::toString);
    assertEquals("unregistered alpha (its folder is left as it is)\n", r.out());
    assertFalse(fleet.text().contains("[projects.alpha]"), fleet::text);
    assertTrue(Files.isDirectory(tmp.resolve("projects/alpha/.git")));
    assertEquals(0, JSON.readTree(on(fleet.file(), "fleet", "list", "--json").out()).size());
    PoRun again = on(fleet.file(), "fleet", "unregister", "alpha");
    assertEquals(1, again.code(), again::toString);
    assertEquals("po: no project 'alpha' in the fleet registry\n", again.err());
  }

  @Test
  void disableThenEnable() throws Exception {
    PoRun d = on(fleet.file(), "fleet", "disable", "alpha");
    assertEquals(0, d.code(), d::toString);
    assertEquals("alpha: disabled\n", d.out());
    assertFalse(get("alpha").get("enabled").asBoolean());
    assertTrue(fleet.text().startsWith("# test fleet\n"), fleet::text);
    PoRun e = on(fleet.file(), "fleet", "enable", "alpha");
    assertEquals(0, e.code(), e::toString);
    assertEquals("alpha: enabled\n", e.out());
    assertTrue(get("alpha").get("enabled").asBoolean());
  }

  @Test
  void enableAndDisableRefuseAnUnknownProject() {
    String before = fleet.text();
    for (String verb : new String[] {"enable", "disable"}) {
      PoRun r = on(fleet.file(), "fleet", verb, "nope");
      assertEquals(1, r.code(), r::toString);
      assertEquals("po: no project 'nope' in the fleet registry\n", r.err());
    }
    assertEquals(before, fleet.text());
  }

  private JsonNode get(String name) throws Exception {
    PoRun r = on(fleet.file(), "fleet", "get", name, "--json");
    assertEquals(0, r.code(), r::toString);
    return JSON.readTree(r.out());
  }
}
