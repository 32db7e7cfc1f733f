package dev.agentorchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogJvmTest {
  @TempDir Path dir;

  @Test
  void theArchiveOfAJarLivesBesideIt() {
    Path jar = dir.resolve("agent-orchestrator.jar");
    assertEquals(dir.resolve("agent-orchestrator.jsa"), WatchdogJvm.archiveOf(jar.toString()));
    assertNull(WatchdogJvm.archiveOf(dir.resolve("classes").toString()), "a class folder has no archive");
    assertNull(WatchdogJvm.archiveOf(jar + ":" + dir.resolve("other.jar")), "nor has a class path of many entries");
    assertNull(WatchdogJvm.archiveOf(null));
  }

  @Test
  void theDefaultsTakeTheArchiveOnlyWhenItExists() throws Exception {
    String jar = dir.resolve("agent-orchestrator.jar").toString();
    List<String> without = WatchdogJvm.options(null, jar);
    assertTrue(without.containsAll(WatchdogJvm.DEFAULTS), without.toString());
    assertFalse(without.stream().anyMatch(f -> f.startsWith("-XX:SharedArchiveFile=")), without.toString());
    assertEquals("-Xshare:auto", without.get(without.size() - 1), "the JDK's own archive, or none, never a failure");

    Files.writeString(dir.resolve("agent-orchestrator.jsa"), "stands for an archive");
    List<String> with = WatchdogJvm.options("  ", jar);
    assertTrue(with.contains("-XX:SharedArchiveFile=" + dir.resolve("agent-orchestrator.jsa")), with.toString());
    assertEquals("-Xshare:auto", with.get(with.size() - 1), "a stale archive is skipped, not fatal");
  }

  @Test
  void theSettingReplacesEverything() throws Exception {
    Files.writeString(dir.resolve("agent-orchestrator.jsa"), "stands for an archive");
    assertEquals(List.of("-Xmx64m", "-Xshare:off"),
        WatchdogJvm.options(" -Xmx64m   -Xshare:off ", dir.resolve("agent-orchestrator.jar").toString()));
  }
}
