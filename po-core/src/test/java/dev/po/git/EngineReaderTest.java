package dev.po.git;

import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.po.PoException;
import dev.po.testing.HarnessRepo;
import dev.po.testing.ProjectRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast file-reading path and JGit must agree, whether objects and refs are loose or packed. */
class EngineReaderTest {
  @TempDir Path tmp;

  @Test
  void looseAndPackedRepositoriesReadTheSame() {
    HarnessRepo harness = HarnessRepo.create(tmp);
    Path p = ProjectRepo.create(tmp.resolve("p"), harness.url(), "v0.1.0");
    git(p.resolve("engine"), "tag", "-a", "-m", "annotated", "v-ann", "v0.1.0");
    git(p.resolve("engine"), "tag", "-a", "-m", "annotated twice", "v-ann2", "v-ann");

    Inspection loose = LooseInspect.inspect(p);
    assertNotNull(loose, "a fresh project is read by the fast path");
    assertEquals(loose, new EngineReader().inspectWithJGit(p));
    String v1 = harness.commit("v0.1.0");
    assertEquals(new Inspection(p, Inspection.Kind.SOUND, v1, loose.engineGitDir()), loose);

    for (String ref : new String[] {"v0.1.0", "v-ann", "v-ann2", "main", "v0.2.0"}) {
      assertEquals(new EngineReader().resolve(loose, harness.url(), ref), fresh(loose, harness, ref), ref);
    }
    assertEquals(v1, new EngineReader().resolve(loose, harness.url(), "v-ann2"));
    assertEquals("v0.1.0", new EngineReader().nameOf(loose, harness.url(), v1, "v0.1.0"));
    assertEquals("v-ann", new EngineReader().nameOf(loose, harness.url(), v1, "v-ann"));

    git(p, "gc", "-q");
    git(p.resolve("engine"), "gc", "-q");
    assertNull(LooseInspect.inspect(p), "packed objects go to JGit");
    assertEquals(loose, new EngineReader().inspect(p));
    for (String ref : new String[] {"v0.1.0", "v-ann", "v-ann2"}) {
      assertEquals(v1, new EngineReader().resolve(loose, harness.url(), ref), ref);
    }
    assertEquals(harness.commit("v0.2.0"), new EngineReader().resolve(loose, harness.url(), "main"));
    assertEquals("v-ann2", new EngineReader().nameOf(loose, harness.url(), v1, "v-ann2"));
  }

  @Test
  void unsoundLocations() {
    HarnessRepo harness = HarnessRepo.create(tmp);
    EngineReader r = new EngineReader();
    assertEquals(Inspection.Kind.MISSING, r.inspect(tmp.resolve("nope")).kind());
    assertEquals(Inspection.Kind.NOT_A_REPOSITORY, r.inspect(tmp).kind());
    assertEquals(Inspection.Kind.NOT_A_REPOSITORY, r.inspect(harness.bare().resolve("HEAD")).kind());
    Path plain = ProjectRepo.createWithoutEngine(tmp.resolve("plain"));
    assertEquals(Inspection.Kind.NO_ENGINE, r.inspect(plain).kind());
    git(tmp, "init", "-q", tmp.resolve("empty").toString());
    assertEquals(Inspection.Kind.NO_ENGINE, r.inspect(tmp.resolve("empty")).kind());
  }

  @Test
  void anUnreachableHarnessIsOneClearFailure() {
    HarnessRepo harness = HarnessRepo.create(tmp);
    Path p = ProjectRepo.create(tmp.resolve("p"), harness.url(), "v0.1.0");
    Inspection noEngineRepo = new Inspection(p, Inspection.Kind.SOUND, harness.commit("v0.1.0"), null);
    EngineReader r = new EngineReader();
    PoException e = assertThrows(PoException.class, () -> r.resolve(noEngineRepo, tmp.resolve("gone.git").toString(), "v9"));
    assertEquals(true, e.getMessage().startsWith("cannot list the refs of harness repository " + tmp.resolve("gone.git")));
    assertEquals(harness.commit("v0.2.0"), r.resolve(noEngineRepo, harness.url(), "v0.2.0"));
    assertNull(r.resolve(noEngineRepo, harness.url(), "v9"));
  }

  /**
   * A project without its own engine repository is named by the harness's tags, whatever another
   * project of the same harness left in the reader: here the other project's ref was found in its
   * own repository first, so the harness was never listed for it.
   */
  @Test
  void aProjectWithoutItsEngineRepositoryIsNamedFromTheHarness() {
    HarnessRepo harness = HarnessRepo.create(tmp);
    Path p = ProjectRepo.create(tmp.resolve("p"), harness.url(), "v0.1.0");
    Inspection withEngine = new EngineReader().inspect(p);
    String v1 = harness.commit("v0.1.0");
    Inspection without = new Inspection(tmp.resolve("copy"), Inspection.Kind.SOUND, v1, null);
    EngineReader r = new EngineReader();
    assertEquals(harness.commit("v0.2.0"), r.resolve(withEngine, harness.url(), "v0.2.0"));
    assertEquals(harness.commit("v0.2.0"), r.resolve(without, harness.url(), "v0.2.0"), "served from the cache");
    assertEquals("v0.1.0", r.nameOf(without, harness.url(), v1, "v0.2.0"));
    // an unreachable harness leaves the short commit, not a failure
    assertEquals(v1.substring(0, 7), new EngineReader().nameOf(without, tmp.resolve("gone.git").toString(), v1, "v9"));
  }

  private static String fresh(Inspection i, HarnessRepo harness, String ref) {
    try (var engine = Repos.openGitDir(i.engineGitDir())) {
      RefLookup.Found f = RefLookup.local(engine, ref);
      return f == null ? null : f.commit().name();
    }
  }
}
