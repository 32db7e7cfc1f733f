package dev.po.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.PoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryEditTest {
  static final String COMMENTED = """
      # The fleet.   Hand-edited; keep it tidy.
      [defaults]
      projects_dir = "~/projects"   # new projects go here
      harness = "ao"

      [harnesses.ao]
      url = "https://example.com/ao.git"

      # alpha: the first one
      [projects.alpha]
      location = "/srv/alpha"  # moved in May
      ref    =   'v0.1.0'    # pinned until the review
      # enabled = false

      # --- staging ---

      [projects.beta]
      location = "beta"
      ref = "main"
      enabled = false
      """;

  @TempDir Path tmp;

  private Registry registry(String text) throws IOException {
    Path file = tmp.resolve("fleet.toml");
    Files.writeString(file, text);
    return Registry.at(file);
  }

  private String text() throws IOException {
    return Files.readString(tmp.resolve("fleet.toml"));
  }

  @Test
  void changingARefReplacesOnlyTheValueText() throws IOException {
    Fleet fleet = registry(COMMENTED).edit(f -> f.withRef("alpha", "v0.2.0"));
    assertEquals("v0.2.0", fleet.requireProject("alpha").ref());
    assertEquals(COMMENTED.replace("ref    =   'v0.1.0'", "ref    =   \"v0.2.0\""), text());
  }

  @Test
  void disablingAddsTheKeyAfterTheLastKeyLine() throws IOException {
    Registry r = registry(COMMENTED);
    r.edit(f -> f.withEnabled("alpha", false));
    String disabled = COMMENTED.replace("# pinned until the review\n", "# pinned until the review\nenabled = false\n");
    assertEquals(disabled, text());
    r.edit(f -> f.withEnabled("alpha", true).withEnabled("beta", true));
    assertEquals(disabled.replace("\nenabled = false\n", "\nenabled = true\n"), text());
  }

  @Test
  void aNewProjectIsAppendedAsItsOwnTable() throws IOException {
    Registry r = registry(COMMENTED);
    r.edit(f -> f.withProject(new ProjectEntry("gamma", "g \"quoted\"", "ao", "v0.2.0", false)));
    assertEquals(COMMENTED
        + "\n[projects.gamma]\nlocation = \"g \\\"quoted\\\"\"\nharness = \"ao\"\nref = \"v0.2.0\"\nenabled = false\n",
        text());
    assertEquals("g \"quoted\"", r.read().requireProject("gamma").location());
  }

  @Test
  void removingAProjectTakesItsCommentsAndOneBlankLine() throws IOException {
    Registry r = registry(COMMENTED);
    r.edit(f -> f.withoutProject("alpha"));
    assertEquals("""
        # The fleet.   Hand-edited; keep it tidy.
        [defaults]
        projects_dir = "~/projects"   # new projects go here
        harness = "ao"

        [harnesses.ao]
        url = "https://example.com/ao.git"

        # --- staging ---

        [projects.beta]
        location = "beta"
        ref = "main"
        enabled = false
        """, text());
    r.edit(f -> f.withoutProject("beta"));
    assertEquals("""
        # The fleet.   Hand-edited; keep it tidy.
        [defaults]
        projects_dir = "~/projects"   # new projects go here
        harness = "ao"

        [harnesses.ao]
        url = "https://example.com/ao.git"

        # --- staging ---
        """, text());
  }

  @Test
  void harnessesAndDefaultsChangeInPlace() throws IOException {
    Registry r = registry(COMMENTED);
    r.edit(f -> f.withHarness(new Harness("other", "other.git", List.of("bin/run")))
        .withProject("beta", p -> new ProjectEntry(p.name(), "elsewhere", "other", p.ref(), p.enabled()))
        .withDefaults(new Defaults(null, "ao")));
    assertEquals(COMMENTED
        .replace("projects_dir = \"~/projects\"   # new projects go here\n", "")
        .replace("ao.git\"\n", "ao.git\"\n\n[harnesses.other]\nurl = \"other.git\"\nlauncher = [\"bin/run\"]\n")
        .replace("location = \"beta\"\nref = \"main\"\n", "location = \"elsewhere\"\nref = \"main\"\n")
        .replace("ref = \"main\"\nenabled = false\n", "ref = \"main\"\nenabled = false\nharness = \"other\"\n"),
        text());
    r.edit(f -> f.withProject("beta", p -> new ProjectEntry(p.name(), p.location(), null, p.ref(), p.enabled())));
    assertFalse(text().contains("harness = \"other\"\n"), text());
  }

  @Test
  void aHarnessNoProjectUsesCanBeRemoved() throws IOException {
    Registry r = registry(COMMENTED.replace("[projects.alpha]", "# the other one\n[harnesses.bo]\nurl = \"bo\"\n\n[projects.alpha]")
        .replace("# alpha: the first one\n", ""));
    r.edit(f -> f.withoutHarness("bo"));
    assertEquals(COMMENTED.replace("# alpha: the first one\n", ""), text());
  }

  @Test
  void defaultsAreAddedAtTheTopWhenMissing() throws IOException {
    Registry r = registry("# header\n\n[harnesses.ao]\nurl = \"u\"\n");
    r.edit(f -> f.withDefaults(new Defaults("p", null)));
    assertEquals("# header\n\n[defaults]\nprojects_dir = \"p\"\n\n[harnesses.ao]\nurl = \"u\"\n", text());
  }

  @Test
  void anEmptyFileGetsItsFirstTables() throws IOException {
    Registry r = registry("");
    Fleet want = Fleet.empty(tmp).withHarness(new Harness("ao", "u"))
        .withProject(new ProjectEntry("a", "a", "ao", "v1", true));
    assertEquals(want, r.edit(f -> want));
    assertEquals("[harnesses.ao]\nurl = \"u\"\n\n[projects.a]\nlocation = \"a\"\nharness = \"ao\"\nref = \"v1\"\n", text());
  }

  @Test
  void crlfFilesStayCrlf() throws IOException {
    Registry r = registry(COMMENTED.replace("\n", "\r\n"));
    r.edit(f -> f.withEnabled("alpha", false).withProject(new ProjectEntry("c", "c", null, "v1", true)));
    assertFalse(text().replace("\r\n", "").contains("\n"), text());
    assertEquals(3, r.read().projects().size());
  }

  @Test
  void aChangeThatWouldBreakTheRegistryIsRefusedAndNothingIsWritten() throws IOException {
    Registry r = registry(COMMENTED);
    RegistryException e = assertThrows(RegistryException.class,
        () -> r.edit(f -> f.withProject(new ProjectEntry("x", "x", "nope", "v1", true))));
    assertEquals("refusing the change, it would make the registry invalid: project 'x' names undeclared harness 'nope'",
        e.problems().get(0).message());
    assertEquals(COMMENTED, text());
  }

  @Test
  void reorderingAndInlineTablesAreRefusedWithAReason() throws IOException {
    Registry r = registry(COMMENTED);
    PoException e = assertThrows(PoException.class, () -> r.edit(f -> new Fleet(f.folder(), f.defaults(), f.harnesses(),
        List.of(f.projects().get(1), f.projects().get(0)))));
    assertTrue(e.getMessage().startsWith("cannot reorder projects"), e.getMessage());
    Registry in = registry("[harnesses.ao]\nurl='u'\n[projects]\nz = { location = 'z', ref = 'r', harness = 'ao' }\n");
    e = assertThrows(PoException.class, () -> in.edit(f -> f.withEnabled("z", false)));
    assertEquals("cannot edit [projects.z] in place: write it as its own [projects.z] table with one key per line, then retry",
        e.getMessage());
  }

  @Test
  void enablingAProjectWrittenAsAnInlineTableIsRefusedInPlaceNotWithADump() throws IOException {
    String text = "[harnesses.ao]\nurl='u'\n[projects]\nbeta = { location = 'b', ref = 'r', harness = 'ao', enabled = false }\n";
    Registry r = registry(text);
    EditRefusedException e = assertThrows(EditRefusedException.class, () -> r.edit(f -> f.withEnabled("beta", true)));
    assertEquals("cannot edit [projects.beta] in place: write it as its own [projects.beta] table with one key per line, then retry",
        e.getMessage());
    assertEquals(text, text());
  }

  @Test
  void aHeldLockMakesEditWaitThenFailNamingTheLock() throws IOException {
    Registry r = registry(COMMENTED).withLockTimeout(Duration.ofMillis(200));
    Path lock = tmp.resolve("fleet.toml.lock");
    Files.createFile(lock);
    PoException e = assertThrows(PoException.class, () -> r.edit(f -> f.withRef("alpha", "v9")));
    assertEquals(lock + " exists: another po is editing fleet.toml; if none is, remove it", e.getMessage());
    assertEquals(COMMENTED, text());
    Files.delete(lock);
    r.edit(f -> f.withRef("alpha", "v9"));
    assertFalse(Files.exists(lock));
  }

  @Test
  void theFileKeepsItsPermissionsAndNoTempFilesRemain() throws IOException {
    Registry r = registry(COMMENTED);
    Files.setPosixFilePermissions(r.file(), PosixFilePermissions.fromString("rw-------"));
    r.edit(f -> f.withRef("alpha", "v9"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.file())));
    try (var files = Files.list(tmp)) {
      assertEquals(List.of(r.file()), files.toList());
    }
  }

  @Test
  void aFileWithProblemsIsNotEdited() throws IOException {
    Registry r = registry(COMMENTED + "oops = 1\n");
    assertThrows(RegistryException.class, () -> r.edit(f -> f.withRef("alpha", "v9")));
    assertEquals(COMMENTED + "oops = 1\n", text());
  }
}
