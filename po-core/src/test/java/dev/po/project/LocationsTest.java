package dev.po.project;

import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.Po;
import dev.po.fleet.Problem;
import dev.po.testing.ProjectRepo;
import dev.po.testing.TempFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locations read one way by every command: worktrees, symbolic links, the registry's own folder. */
class LocationsTest {
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

  @Test
  void aGitWorktreeIsAProjectToUpdateAsToStatusAndValidate() throws Exception {
    Path wt = tmp.resolve("projects/alpha-wt");
    git(root, "worktree", "add", "-q", "-b", "wt", wt.toString());
    git(wt, "-c", "protocol.file.allow=always", "submodule", "update", "-q", "--init");
    fleet.register("wt", "projects/alpha-wt", "v0.1.0");
    assertEquals(List.of(), po.registry().validate());
    assertTrue(po.status("wt").get(0).sound());
    UpdateResult r = po.project("wt").update("v0.2.0").call();
    assertEquals(fleet.harness().commit("v0.2.0"), r.toCommit());
    assertEquals(fleet.harness().commit("v0.2.0"), ProjectRepo.pin(wt));
    assertEquals(fleet.harness().commit("v0.1.0"), ProjectRepo.pin(root), "the main work tree keeps its pin");
    assertFalse(po.status("wt").get(0).drift());
    assertEquals(List.of(), po.registry().validate());
  }

  @Test
  void aRegistryReachedThroughASymbolicLinkResolvesBesideTheRealFile() throws Exception {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Path link = Files.createSymbolicLink(elsewhere.resolve("fleet.toml"), fleet.file());
    Po viaLink = Po.open(link);
    assertEquals(root, viaLink.fleet().pathOf(viaLink.fleet().requireProject("alpha")));
    assertTrue(viaLink.status("alpha").get(0).sound());
    assertEquals(List.of(), viaLink.registry().validate());
  }

  @Test
  void twoLocationsReachingOneProjectThroughALinkAreShared() throws Exception {
    Files.createSymbolicLink(tmp.resolve("projects/alias"), root);
    fleet.register("alias", "projects/alias", "v0.1.0");
    List<Problem> problems = po.registry().validate();
    assertEquals(1, problems.size(), problems::toString);
    assertEquals("projects 'alpha' and 'alias' share location " + root.toRealPath() + " (through a symbolic link)",
        problems.get(0).message());
  }
}
