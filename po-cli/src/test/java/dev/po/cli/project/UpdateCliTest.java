package dev.po.cli.project;

import static dev.po.cli.PoRun.on;
import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.po.cli.PoRun;
import dev.po.testing.ProjectRepo;
import dev.po.testing.TempFleet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateCliTest {
  @TempDir Path tmp;
  TempFleet fleet;
  Path root;

  @BeforeEach
  void fleet() {
    fleet = TempFleet.create(tmp);
    root = fleet.addProject("alpha", "v0.1.0");
  }

  @Test
  void movesThePin() {
    String before = fleet.text();
    PoRun r = on(fleet.file(), "update", "alpha", "v0.2.0");
    assertEquals(0, r.code(), r.toString());
    String head = git(root, "rev-parse", "HEAD");
    assertEquals(
        List.of("alpha: engine v0.1.0 (" + fleet.harness().commit("v0.1.0").substring(0, 12) + ") -> v0.2.0 ("
            + fleet.harness().commit("v0.2.0").substring(0, 12) + "), committed " + head.substring(0, 12)),
        r.outLines());
    assertEquals(fleet.harness().commit("v0.2.0"), ProjectRepo.pin(root));
    assertEquals(before.replace("ref = \"v0.1.0\"", "ref = \"v0.2.0\""), fleet.text());
  }

  @Test
  void anUnknownRefExitsOneAndChangesNothing() {
    String before = fleet.text();
    String head = git(root, "rev-parse", "HEAD");
    PoRun r = on(fleet.file(), "update", "alpha", "nope");
    assertEquals(1, r.code());
    assertEquals(List.of("po: project alpha: no tag, branch or commit 'nope' in harness agent-orchestrator"), r.errLines());
    assertEquals(before, fleet.text());
    assertEquals(head, git(root, "rev-parse", "HEAD"));
    assertEquals("", git(root, "status", "--porcelain"));
  }

  @Test
  void anUnknownProjectExitsOne() {
    PoRun r = on(fleet.file(), "update", "nobody", "v0.2.0");
    assertEquals(1, r.code());
    assertEquals(List.of("po: no project 'nobody' in the fleet registry"), r.errLines());
  }
}
