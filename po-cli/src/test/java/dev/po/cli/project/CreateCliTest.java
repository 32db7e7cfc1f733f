package dev.po.cli.project;

import static dev.po.cli.PoRun.on;
import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.cli.PoRun;
import dev.po.testing.TempFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateCliTest {
  @TempDir Path tmp;
  TempFleet fleet;

  @BeforeEach
  void fleet() {
    fleet = TempFleet.create(tmp);
  }

  private void assertNothingBehind(String before) throws Exception {
    assertEquals(before, fleet.text());
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of("fleet.toml", "harness-src", "harness.git"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void createsWithoutRegistering() throws Exception {
    String before = fleet.text();
    PoRun r = on(fleet.file(), "create", "alpha", "--ref", "v0.1.0");
    assertEquals(0, r.code(), r.toString());
    Path root = tmp.resolve("projects/alpha");
    assertEquals(
        List.of("created alpha at " + root + ": engine at agent-orchestrator v0.1.0 (" + fleet.harness().commit("v0.1.0").substring(0, 12) + ")"),
        r.outLines());
    assertEquals("", git(root, "status", "--porcelain"));
    assertEquals("v0.1.0", git(root.resolve("engine"), "describe", "--tags"));
    assertEquals(before, fleet.text());
  }

  @Test
  void createsAndRegisters() throws Exception {
    Path where = tmp.resolve("work/beta");
    PoRun r = on(fleet.file(), "create", "beta", "--ref", "main", "--location", where.toString(), "--register",
        "--agent", "lead", "--agent-command", "sleep 100000");
    assertEquals(0, r.code(), r.toString());
    assertEquals("registered beta in " + fleet.file(), r.outLines().get(1));
    assertTrue(fleet.text().contains("[projects.beta]\nlocation = \"work/beta\"\nref = \"main\"\n"), fleet.text());
    assertTrue(Files.readString(where.resolve("agents.toml")).contains("command = [\"sleep\", \"100000\"]"));
    PoRun list = on(fleet.file(), "fleet", "list");
    assertTrue(list.out().contains("beta"), list.toString());
  }

  @Test
  void refusalsExitOneAndLeaveNothingBehind() throws Exception {
    String before = fleet.text();
    PoRun unknownRef = on(fleet.file(), "create", "alpha", "--ref", "v9", "--register");
    assertEquals(1, unknownRef.code());
    assertEquals(List.of("po: project alpha: no tag, branch or commit 'v9' in " + fleet.harness().url()), unknownRef.errLines());
    assertNothingBehind(before);

    fleet.append("\n[harnesses.gone]\nurl = \"" + tmp.resolve("gone.git") + "\"\n");
    before = fleet.text();
    PoRun unreachable = on(fleet.file(), "create", "alpha", "--ref", "v0.1.0", "--harness", "gone", "--register");
    assertEquals(1, unreachable.code());
    assertTrue(unreachable.err().startsWith("po: project alpha: git submodule add " + tmp.resolve("gone.git")), unreachable.err());
    assertNothingBehind(before);

    PoRun badName = on(fleet.file(), "create", "Alpha", "--ref", "v0.1.0");
    assertEquals(1, badName.code());
    assertNothingBehind(before);
  }

  @Test
  void refusesANonEmptyLocationAndARegisteredName() throws Exception {
    fleet.addProject("alpha", "v0.1.0");
    String before = fleet.text();
    PoRun taken = on(fleet.file(), "create", "alpha", "--ref", "v0.1.0", "--location", tmp.resolve("x").toString());
    assertEquals(1, taken.code());
    assertTrue(taken.err().contains("project alpha is already registered"), taken.err());
    assertFalse(Files.exists(tmp.resolve("x")));
    PoRun occupied = on(fleet.file(), "create", "gamma", "--ref", "v0.1.0", "--location", tmp.resolve("projects/alpha").toString());
    assertEquals(1, occupied.code());
    assertTrue(occupied.err().contains("exists and is not empty"), occupied.err());
    assertEquals(before, fleet.text());
    assertEquals("", git(tmp.resolve("projects/alpha"), "status", "--porcelain"));
  }

  @Test
  void aMissingRefIsAUsageError() {
    PoRun r = on(fleet.file(), "create", "alpha");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--ref"), r.err());
  }
}
