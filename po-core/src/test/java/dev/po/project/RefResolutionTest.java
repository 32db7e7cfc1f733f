package dev.po.project;

import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.fleet.Problem;
import dev.po.testing.ProjectRepo;
import dev.po.testing.ProjectFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A ref means one thing to update, status and validate, and only refs the docs allow get in. */
class RefResolutionTest {
  @RegisterExtension final ProjectFleet one = ProjectFleet.with("alpha");

  /** A new commit on the harness's main, published after the project was made. */
  private String moveHarnessMain() throws Exception {
    Path src = one.fleet().root().resolve("harness-src");
    Files.writeString(src.resolve("VERSION"), "0.3.0-dev\n");
    git(src, "commit", "-q", "-am", "harness 0.3.0-dev");
    git(src, "push", "-q", one.fleet().harness().url(), "main");
    return git(src, "rev-parse", "HEAD");
  }

  @Test
  void aBranchPinnedByUpdateShowsNoDriftAlthoughTheEngineKeepsAStaleLocalBranch() throws Exception {
    String staleLocal = git(one.root().resolve("engine"), "rev-parse", "refs/heads/main");
    String main = moveHarnessMain();
    UpdateResult r = one.po().project("alpha").update("main").call();
    assertEquals(main, r.toCommit());
    // the engine's own refs/heads/main still names the commit it was cloned at
    assertEquals(staleLocal, git(one.root().resolve("engine"), "rev-parse", "refs/heads/main"));
    ProjectStatus s = one.po().status("alpha").get(0);
    assertFalse(s.drift(), s::toString);
    assertEquals(List.of(), one.po().registry().validate());
    UpdateResult again = one.po().project("alpha").update("main").call();
    assertFalse(again.committed());
  }

  @Test
  void refsTheDocsDoNotAllowAreRefusedByUpdateBeforeAnythingChanges() throws Exception {
    String text = one.fleet().text();
    String head = git(one.root(), "rev-parse", "HEAD");
    for (String ref : List.of("HEAD", "main~1", "v0.1.0^{}", "../../ORIG_HEAD", "-x", "a b", "FETCH_HEAD")) {
      ProjectException e = assertThrows(ProjectException.class, () -> one.po().project("alpha").update(ref).call(), ref);
      assertTrue(e.getMessage().startsWith("project alpha: invalid ref '" + ref + "': a ref is a tag, a branch or a commit id"),
          e.getMessage());
    }
    // a valid name that is not a tag, an origin branch or a commit: refused by the lookup
    ProjectException e = assertThrows(ProjectException.class, () -> one.po().project("alpha").update("origin/main").call());
    assertEquals("project alpha: no tag, branch or commit 'origin/main' in harness agent-orchestrator", e.getMessage());
    assertEquals(text, one.fleet().text());
    assertEquals(head, git(one.root(), "rev-parse", "HEAD"));
    assertEquals(one.fleet().harness().commit("v0.1.0"), ProjectRepo.pin(one.root()));
    assertEquals("", git(one.root(), "status", "--porcelain"));
  }

  @Test
  void aCommitIdFullOrShortStillWorks() throws Exception {
    String v2 = one.fleet().harness().commit("v0.2.0");
    assertEquals(v2, one.po().project("alpha").update(v2.substring(0, 10)).call().toCommit());
    assertFalse(one.po().status("alpha").get(0).drift());
    assertEquals(List.of(), one.po().registry().validate());
  }

  @Test
  void validateReportsAnExpressionWrittenInTheRegistryFileAtItsRef() throws Exception {
    one.fleet().write(one.fleet().text().replace("ref = \"v0.1.0\"", "ref = \"v0.1.0^{}\""));
    List<Problem> problems = one.po().registry().validate();
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).message().startsWith("invalid ref 'v0.1.0^{}': a ref is a tag"), problems::toString);
    assertTrue(problems.get(0).line() > 0);
  }
}
