package dev.po.project;

import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.Po;
import dev.po.PoException;
import dev.po.testing.ProjectRepo;
import dev.po.testing.TempFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rolling update over real project repositories with the stand-in launcher (nothing runs). */
class RollingUpdateTest {
  @TempDir Path tmp;
  TempFleet fleet;
  Po po;

  @BeforeEach
  void fleet() {
    fleet = TempFleet.create(tmp);
    po = Po.open(fleet.file());
  }

  private String ref(String name) {
    return po.fleet().requireProject(name).ref();
  }

  @Test
  void movesEveryEnabledProjectAtTheOldRefInRegistryOrder() {
    Path a = fleet.addProject("a", "v0.1.0");
    fleet.addProject("newer", "v0.2.0");
    Path off = fleet.addProject("off", "v0.1.0");
    Path b = fleet.addProject("b", "v0.1.0");
    po.registry().edit(f -> f.withEnabled("off", false));
    List<String> told = new ArrayList<>();

    RollSummary s = po.update("v0.2.0").setAll(true).setFrom("v0.1.0")
        .setListener(r -> told.add(r.project() + " " + r.outcome())).call();

    assertEquals("moved 2, failed 0, not attempted 0", s.line());
    assertEquals(List.of("a MOVED", "b MOVED"), told);
    assertTrue(s.ok());
    for (Path p : List.of(a, b)) {
      assertEquals(fleet.harness().commit("v0.2.0"), ProjectRepo.pin(p));
    }
    assertEquals("v0.2.0", ref("a"));
    assertEquals("v0.2.0", ref("b"));
    // a disabled project, and one at another ref, are not the roll's
    assertEquals("v0.1.0", ref("off"));
    assertEquals(fleet.harness().commit("v0.1.0"), ProjectRepo.pin(off));
    assertEquals("v0.2.0", ref("newer"));
  }

  @Test
  void theFirstFailureStopsTheRollAndLeavesThatProjectAsItWas() throws Exception {
    fleet.addProject("a", "v0.1.0");
    Path b = fleet.addProject("b", "v0.1.0");
    Path c = fleet.addProject("c", "v0.1.0");
    stage(b);
    String headB = git(b, "rev-parse", "HEAD");

    RollSummary s = po.update("v0.2.0").setAll(true).setFrom("v0.1.0").call();

    assertEquals("moved 1, failed 1, not attempted 1", s.line());
    RollResult failed = s.failed().get(0);
    assertEquals("b", failed.project());
    assertEquals("project b: not updating, the project has staged changes (notes.md)", failed.message());
    assertNull(failed.update());
    assertEquals(headB, git(b, "rev-parse", "HEAD"));
    assertEquals("v0.1.0", ref("b"));
    assertEquals(List.of("c"), s.notAttempted().stream().map(RollResult::project).toList());
    assertEquals(fleet.harness().commit("v0.1.0"), ProjectRepo.pin(c));
    assertEquals("v0.1.0", ref("c"));
  }

  @Test
  void keepGoingMovesThoseAfterAFailure() throws Exception {
    fleet.addProject("a", "v0.1.0");
    stage(fleet.addProject("b", "v0.1.0"));
    Path c = fleet.addProject("c", "v0.1.0");

    RollSummary s = po.update("v0.2.0").setAll(true).setFrom("v0.1.0").setKeepGoing(true).call();

    assertEquals("moved 2, failed 1, not attempted 0", s.line());
    assertEquals(fleet.harness().commit("v0.2.0"), ProjectRepo.pin(c));
    // the failed one can be rolled on its own once fixed: it is still at the old ref
    assertEquals("v0.1.0", ref("b"));
  }

  @Test
  void aBadRequestIsRefusedBeforeAnythingMoves() {
    Path a = fleet.addProject("a", "v0.1.0");
    assertEquals("a rolling update needs --from OLD_REF: the ref the projects to move are at",
        assertThrows(PoException.class, () -> po.update("v0.2.0").setAll(true).call()).getMessage());
    assertThrows(PoException.class, () -> po.update("v0.2.0").setFrom("v0.1.0").call());
    assertThrows(IllegalArgumentException.class, () -> po.update("v0.2.0").setSettle(java.time.Duration.ofSeconds(-1)));
    assertEquals(fleet.harness().commit("v0.1.0"), ProjectRepo.pin(a));
  }

  @Test
  void anUnknownNewRefFailsTheFirstProjectAndStops() {
    fleet.addProject("a", "v0.1.0");
    fleet.addProject("b", "v0.1.0");
    RollSummary s = po.update("v9").setAll(true).setFrom("v0.1.0").call();
    assertEquals("moved 0, failed 1, not attempted 1", s.line());
    assertEquals("project a: no tag, branch or commit 'v9' in harness agent-orchestrator", s.failed().get(0).message());
  }

  @Test
  void noProjectAtTheOldRefMovesNothing() {
    fleet.addProject("a", "v0.2.0");
    RollSummary s = po.update("v0.2.0").setAll(true).setFrom("v0.1.0").call();
    assertEquals(List.of(), s.results());
    assertEquals("moved 0, failed 0, not attempted 0", s.line());
  }

  private static void stage(Path project) throws Exception {
    Files.writeString(project.resolve("notes.md"), "work in progress\n");
    git(project, "add", "notes.md");
  }
}
