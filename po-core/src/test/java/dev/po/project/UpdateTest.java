package dev.po.project;

import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.Po;
import dev.po.testing.LockHolder;
import dev.po.testing.ProjectRepo;
import dev.po.testing.TempFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** update against real git: the project's HEAD, index and engine checkout, and the registry. */
class UpdateTest {
  @TempDir Path tmp;
  TempFleet fleet;
  Po po;
  Path root;

  @BeforeEach
  void fleet() {
    fleet = TempFleet.create(tmp);
    root = fleet.addProject("alpha", "v0.1.0");
    po = Po.open(fleet.file());
  }

  /** Everything update may touch, read without touching it (no git command that refreshes the index). */
  record Snapshot(String head, String branch, byte[] index, String engineHead, String fleetText) {
    static Snapshot of(Path root, TempFleet fleet) throws Exception {
      return new Snapshot(
          Files.readString(root.resolve(".git/refs/heads/main")),
          Files.readString(root.resolve(".git/HEAD")),
          Files.readAllBytes(root.resolve(".git/index")),
          Files.readString(root.resolve(".git/modules/engine/HEAD")),
          fleet.text());
    }

    void assertSameAs(Snapshot o) {
      assertEquals(o.head, head, "HEAD commit");
      assertEquals(o.branch, branch, "HEAD branch");
      assertArrayEquals(o.index, index, "index");
      assertEquals(o.engineHead, engineHead, "engine checkout");
      assertEquals(o.fleetText, fleetText, "fleet.toml");
    }
  }

  @Test
  void anUpdateKilledAfterItsCommitIsNamedByValidateAndFinishedByRunningItAgain() throws Exception {
    // What a kill between the commit and the registry write leaves: HEAD pins v0.2.0, the registry says v0.1.0.
    git(root.resolve("engine"), "-c", "advice.detachedHead=false", "checkout", "-q", fleet.harness().commit("v0.2.0"));
    git(root, "commit", "-q", "-m", "Pin agent-orchestrator at v0.2.0", "engine");
    String pin = fleet.harness().commit("v0.2.0").substring(0, 7);
    String was = fleet.harness().commit("v0.1.0").substring(0, 7);
    assertEquals(List.of("project alpha: engine pinned at v0.2.0 (" + pin + "), the registry says v0.1.0 (" + was
            + "): run 'po update alpha v0.1.0' or set ref = \"v0.2.0\" (an interrupted po update finishes when run again)"),
        dev.po.fleet.Registry.at(fleet.file()).validate().stream().map(dev.po.fleet.Problem::message).toList());
    UpdateResult again = po.project("alpha").update("v0.2.0").call();
    assertFalse(again.committed());
    assertEquals("v0.2.0", po.fleet().requireProject("alpha").ref());
    assertEquals(List.of(), dev.po.fleet.Registry.at(fleet.file()).validate());
    assertEquals("", git(root, "status", "--porcelain"));
  }

  @Test
  void movesThePinInOneCommitAndRecordsTheRef() throws Exception {
    String before = fleet.text();
    UpdateResult r = po.project("alpha").update("v0.2.0").call();
    assertEquals(fleet.harness().commit("v0.1.0"), r.fromCommit());
    assertEquals(fleet.harness().commit("v0.2.0"), r.toCommit());
    assertEquals("v0.1.0", r.fromRef());
    assertEquals("v0.2.0", r.toRef());
    assertTrue(r.committed());
    assertFalse(r.restarted());
    assertEquals(r.commit(), git(root, "rev-parse", "HEAD"));
    assertEquals(fleet.harness().commit("v0.2.0"), ProjectRepo.pin(root));
    assertEquals("engine", git(root, "show", "--format=", "--name-only", "HEAD"));
    assertEquals("Pin agent-orchestrator at v0.2.0", git(root, "log", "-1", "--format=%s"));
    assertEquals("v0.2.0", git(root.resolve("engine"), "describe", "--tags"));
    assertEquals("", git(root, "status", "--porcelain"));
    assertEquals(before.replace("ref = \"v0.1.0\"", "ref = \"v0.2.0\""), fleet.text());
    assertEquals("v0.2.0", po.fleet().requireProject("alpha").ref());
  }

  @Test
  void aDriftedPinIsNamedByItsCommitNotByTheRegistrysRef() throws Exception {
    UpdateResult plain = po.project("alpha").update("v0.2.0").call();
    assertFalse(plain.fromDrifted());
    assertTrue(plain.line().startsWith("alpha: engine v0.1.0 (" + fleet.harness().commit("v0.1.0").substring(0, 12) + ") -> v0.2.0 ("),
        plain.line());
    ProjectRepo.repin(root, "v0.1.0"); // moved by hand: the registry still says v0.2.0
    UpdateResult back = po.project("alpha").update("v0.2.0").call();
    assertTrue(back.fromDrifted());
    String old = fleet.harness().commit("v0.1.0").substring(0, 12);
    String now = fleet.harness().commit("v0.2.0").substring(0, 12);
    assertTrue(back.line().matches("alpha: engine " + old + " \\(drifted from v0\\.2\\.0\\) -> v0\\.2\\.0 \\(" + now
        + "\\), committed [0-9a-f]{12}"), back.line());
  }

  @Test
  void theSameCommitUnderAnotherRefChangesOnlyTheRegistry() throws Exception {
    po.project("alpha").update("v0.2.0").call();
    String head = git(root, "rev-parse", "HEAD");
    UpdateResult r = po.project("alpha").update("main").call();
    assertFalse(r.committed());
    assertNull(r.commit());
    assertEquals(head, git(root, "rev-parse", "HEAD"));
    assertEquals("main", po.fleet().requireProject("alpha").ref());
  }

  @Test
  void fetchesWhatTheHarnessPublishedSince() throws Exception {
    Path src = tmp.resolve("harness-src");
    Files.writeString(src.resolve("VERSION"), "0.3.0\n");
    git(src, "commit", "-q", "-am", "harness 0.3.0");
    git(src, "tag", "v0.3.0");
    git(src, "push", "-q", fleet.harness().url(), "main", "v0.3.0");
    UpdateResult r = po.project("alpha").update("v0.3.0").call();
    assertEquals(git(src, "rev-parse", "v0.3.0"), r.toCommit());
    assertEquals(git(src, "rev-parse", "v0.3.0"), ProjectRepo.pin(root));
  }

  @Test
  void anUnknownRefChangesNothing() throws Exception {
    Snapshot before = Snapshot.of(root, fleet);
    ProjectException e = assertThrows(ProjectException.class, () -> po.project("alpha").update("v9.9.9").call());
    assertEquals("project alpha: no tag, branch or commit 'v9.9.9' in harness agent-orchestrator", e.getMessage());
    Snapshot.of(root, fleet).assertSameAs(before);
    assertEquals("", git(root, "status", "--porcelain"));
  }

  @Test
  void aFailureBetweenCommitAndRegistryWriteIsUndone() throws Exception {
    Snapshot before = Snapshot.of(root, fleet);
    RuntimeException boom = new IllegalStateException("injected");
    ProjectException e =
        assertThrows(
            ProjectException.class,
            () -> po.project("alpha").update("v0.2.0").beforeRegistryWrite(() -> {
              // The commit is made by now: the pin really moved before we fail.
              assertEquals(fleet.harness().commit("v0.2.0"), ProjectRepo.pin(root));
              throw boom;
            }).call());
    assertSame(boom, e.getCause());
    assertTrue(e.getMessage().contains("update to v0.2.0 failed, nothing changed: injected"), e.getMessage());
    Snapshot.of(root, fleet).assertSameAs(before);
    assertEquals("", git(root, "status", "--porcelain"));
    assertEquals(fleet.harness().commit("v0.1.0"), ProjectRepo.pin(root));
    assertEquals("v0.1.0", git(root.resolve("engine"), "describe", "--tags"));
  }

  @Test
  void aRegistryThatCannotBeWrittenUndoesTheCommit() throws Exception {
    // Another editor holds the registry's lock: the write fails for real, after the commit.
    try (LockHolder holder = LockHolder.hold(fleet.file())) {
      Snapshot before = Snapshot.of(root, fleet);
      ProjectException e = assertThrows(ProjectException.class, () -> po.project("alpha").update("v0.2.0").call());
      assertTrue(e.getMessage().contains("another po is editing fleet.toml"), e.getMessage());
      Snapshot.of(root, fleet).assertSameAs(before);
      assertEquals(fleet.harness().commit("v0.1.0"), ProjectRepo.pin(root));
      assertEquals("1", git(root, "rev-list", "--count", "HEAD"));
    }
  }

  @Test
  void refusesStagedChanges() throws Exception {
    Files.writeString(root.resolve("notes.md"), "wip\n");
    git(root, "add", "notes.md");
    Snapshot before = Snapshot.of(root, fleet);
    ProjectException e = assertThrows(ProjectException.class, () -> po.project("alpha").update("v0.2.0").call());
    assertEquals("project alpha: not updating, the project has staged changes (notes.md)", e.getMessage());
    Snapshot.of(root, fleet).assertSameAs(before);
  }

  @Test
  void refusesADirtyEngineCheckout() throws Exception {
    Files.writeString(root.resolve("engine/VERSION"), "hacked\n");
    Snapshot before = Snapshot.of(root, fleet);
    ProjectException e = assertThrows(ProjectException.class, () -> po.project("alpha").update("v0.2.0").call());
    assertEquals("project alpha: not updating, engine/ has local changes (VERSION)", e.getMessage());
    Snapshot.of(root, fleet).assertSameAs(before);
    assertEquals("hacked\n", Files.readString(root.resolve("engine/VERSION")));
  }

  @Test
  void unstagedWorkInTheProjectIsKeptAndNotCommitted() throws Exception {
    Files.writeString(root.resolve("agents.toml"), Files.readString(root.resolve("agents.toml")) + "# edited\n");
    po.project("alpha").update("v0.2.0").call();
    assertEquals("engine", git(root, "show", "--format=", "--name-only", "HEAD"));
    assertEquals("M agents.toml", git(root, "status", "--porcelain"));
  }

  @Test
  void aProjectWithoutEngineIsRefused() throws Exception {
    ProjectRepo.createWithoutEngine(tmp.resolve("projects/plain"));
    fleet.append("\n[projects.plain]\nlocation = \"projects/plain\"\nref = \"v0.1.0\"\n");
    ProjectException e = assertThrows(ProjectException.class, () -> po.project("plain").update("v0.2.0").call());
    assertTrue(e.getMessage().contains("has no engine/ submodule"), e.getMessage());
  }
}
