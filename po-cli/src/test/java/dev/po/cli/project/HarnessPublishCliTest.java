package dev.po.cli.project;

import static dev.po.cli.PoRun.po;
import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.cli.PoRun;
import dev.po.testing.EngineHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessPublishCliTest {
  @TempDir Path tmp;

  @Test
  void publishesTheInTreeEngineWithATag() {
    Path bare = tmp.resolve("agent-orchestrator.git");
    PoRun r = po("harness", "publish", "--engine", EngineHarness.engineDir().toString(), "--to", bare.toString(), "--tag", "v0.1.0");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.outLines().get(0).startsWith("published "), r.toString());
    assertEquals("url for fleet.toml: " + bare, r.outLines().get(1));
    Path clone = tmp.resolve("clone");
    git(tmp, "clone", "-q", bare.toString(), clone.toString());
    assertEquals("v0.1.0", git(clone, "describe", "--tags"));
    assertTrue(Files.isExecutable(clone.resolve("agents")));
    assertTrue(Files.isRegularFile(clone.resolve("pom.xml")));

    PoRun again = po("harness", "publish", "--engine", EngineHarness.engineDir().toString(), "--to", bare.toString(), "--tag", "v0.1.0");
    assertEquals(0, again.code(), again.toString());
    assertTrue(again.outLines().get(0).endsWith(", unchanged, tag already there)"), again.toString());
  }

  @Test
  void aMissingHarnessFolderExitsOne() {
    PoRun r = po("harness", "publish", "--engine", tmp.resolve("none").toString(), "--to", tmp.resolve("x.git").toString(), "--tag", "v1");
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("po: harness folder "), r.err());
  }
}
