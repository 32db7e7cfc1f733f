package dev.po.git;

import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.testing.HarnessRepo;
import dev.po.testing.ProjectRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast reader against JGit on the repository shapes it does not read itself: it hands each to
 * JGit with a reason a reader can see (the {@code dev.po.git} logger, printed by {@code po
 * --verbose}), and the answers are JGit's.
 */
class FastReaderFormatsTest {
  private static final String[] REFS = {"v0.1.0", "v0.2.0", "main", "v9", "origin/main"};

  @TempDir Path tmp;
  HarnessRepo harness;
  Path project;
  final List<String> reasons = new ArrayList<>();

  @BeforeEach
  void project() {
    harness = HarnessRepo.create(tmp);
    project = ProjectRepo.create(tmp.resolve("p"), harness.url(), "v0.1.0");
    FastPath.observe(r -> {
      synchronized (reasons) {
        reasons.add(r);
      }
    });
  }

  @AfterEach
  void quiet() {
    FastPath.observe(null);
  }

  /** The fast path declines {@code root} for a reason naming {@code why}; the reader answers as JGit. */
  private Inspection declinedFor(Path root, String why) {
    reasons.clear();
    assertNull(LooseInspect.inspect(root));
    assertTrue(reasons.stream().anyMatch(r -> r.startsWith("fast git reader: " + root + ": ") && r.contains(why)),
        reasons::toString);
    Inspection jgit = new EngineReader().inspectWithJGit(root);
    assertEquals(jgit, new EngineReader().inspect(root));
    return jgit;
  }

  private void refsAgreeWithJGit(Inspection i) {
    for (String ref : REFS) {
      String slow;
      try (Repository engine = Repos.openGitDir(i.engineGitDir())) {
        RefLookup.Found f = RefLookup.local(engine, ref);
        slow = f == null ? null : f.commit().name();
      }
      RefLookup.Found fast = LooseRefs.find(i.engineGitDir(), ref);
      if (fast != null) {
        assertEquals(slow, fast.commit().name(), ref);
      }
      assertEquals(slow == null ? new EngineReader().resolve(i, harness.url(), ref) : slow,
          new EngineReader().resolve(i, harness.url(), ref), ref);
    }
  }

  @Test
  void aLinkedWorktree() {
    Path wt = tmp.resolve("wt");
    git(project, "worktree", "add", "-q", "-b", "wt", wt.toString());
    git(wt, "-c", "protocol.file.allow=always", "submodule", "update", "-q", "--init");
    Inspection i = declinedFor(wt, "a linked worktree");
    assertEquals(Inspection.Kind.SOUND, i.kind());
    assertEquals(harness.commit("v0.1.0"), i.pin());
    refsAgreeWithJGit(i);
  }

  @Test
  void aSharedClone() {
    Path shared = tmp.resolve("shared");
    git(tmp, "clone", "-q", "--shared", project.toString(), shared.toString());
    git(shared, "-c", "protocol.file.allow=always", "submodule", "update", "-q", "--init");
    Inspection i = declinedFor(shared, "is not a loose object (packed, or in an alternate)");
    assertEquals(Inspection.Kind.SOUND, i.kind());
    assertEquals(harness.commit("v0.1.0"), i.pin());
    refsAgreeWithJGit(i);
  }

  @Test
  void reftableRefs() throws Exception {
    // git 2.45 makes reftable repositories (--ref-format=reftable); JGit converts one in place,
    // which works with any installed git
    Inspection before = LooseInspect.inspect(project);
    assertNotNull(before);
    try (Repository repo = new FileRepositoryBuilder().setGitDir(project.resolve(".git").toFile()).build()) {
      ((FileRepository) repo).convertRefStorage("reftable", false, false);
    }
    try (Repository repo = new FileRepositoryBuilder().setGitDir(before.engineGitDir().toFile()).build()) {
      ((FileRepository) repo).convertRefStorage("reftable", false, false);
    }
    assertTrue(Files.isDirectory(project.resolve(".git/reftable")));
    Inspection i = declinedFor(project, "reftable refs");
    assertEquals(before, i);
    reasons.clear();
    assertNull(LooseRefs.find(i.engineGitDir(), "v0.1.0"));
    assertTrue(reasons.stream().anyMatch(r -> r.contains("reftable refs")), reasons::toString);
    refsAgreeWithJGit(i);
  }

  @Test
  void sha256ObjectIds() {
    Path src = tmp.resolve("sha256");
    git(tmp, "init", "-q", "--object-format=sha256", "-b", "main", src.toString());
    ProjectRepo.commitFile(src, "README.md", "x\n");
    // JGit reads no sha256 repository: the fast path must not answer for it either
    Inspection i = declinedFor(src, "repository extension objectformat = sha256");
    assertEquals(Inspection.Kind.NOT_A_REPOSITORY, i.kind());
  }
}
