package dev.po.git;

import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.PoException;
import dev.po.testing.HarnessRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectReposTest {
  @TempDir Path tmp;

  @Test
  void makesACleanRepositoryThatSurvivesARename() throws Exception {
    HarnessRepo h = HarnessRepo.create(tmp);
    Path made = Files.createDirectories(tmp.resolve("tmp-made"));
    ProjectRepos.Created c =
        ProjectRepos.create(made, h.url(), "v0.1.0", Map.of("a.txt", "a\n", "prompts/x.md", "x\n"), "first");
    assertEquals(h.commit("v0.1.0"), c.engineCommit());
    Path moved = tmp.resolve("moved");
    Files.move(made, moved);
    assertEquals("", git(moved, "status", "--porcelain"));
    assertTrue(git(moved, "submodule", "status").contains(h.commit("v0.1.0")), git(moved, "submodule", "status"));
    assertEquals("v0.1.0", git(moved.resolve("engine"), "describe", "--tags"));
    assertEquals(c.commit(), git(moved, "rev-parse", "HEAD"));
    assertEquals(h.commit("v0.1.0"), git(moved, "rev-parse", "HEAD:engine"));
    assertEquals("1", git(moved, "rev-list", "--count", "HEAD"));
  }

  @Test
  void refusesAnUnknownRef() throws Exception {
    HarnessRepo h = HarnessRepo.create(tmp);
    Path made = Files.createDirectories(tmp.resolve("p"));
    PoException e = assertThrows(PoException.class, () -> ProjectRepos.create(made, h.url(), "v9", Map.of(), "m"));
    assertTrue(e.getMessage().contains("'v9'"), e.getMessage());
  }
}
