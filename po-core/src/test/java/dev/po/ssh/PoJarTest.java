package dev.po.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merged jar a class path makes for other hosts, and what killed processes left of theirs. */
class PoJarTest {
  @TempDir Path tmp;

  @Test
  void aClassPathIsMergedIntoATempJarNamedAfterThisProcess() {
    PoJar jar = PoJar.current();
    String name = jar.file.getFileName().toString();
    assertTrue(name.startsWith(PoJar.MERGED_PREFIX + ProcessHandle.current().pid() + "-") && name.endsWith(".jar"), name);
    assertEquals(32, jar.hash.length());
  }

  @Test
  void theJarsOfEndedProcessesAreReclaimedAndNoOtherFile() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    assertTrue(ended.waitFor(30, TimeUnit.SECONDS));
    Path stale = Files.writeString(tmp.resolve(PoJar.MERGED_PREFIX + ended.pid() + "-123.jar"), "left by a killed po");
    Path live = Files.writeString(tmp.resolve(PoJar.MERGED_PREFIX + ProcessHandle.current().pid() + "-456.jar"), "in use");
    Path odd = Files.writeString(tmp.resolve(PoJar.MERGED_PREFIX + "x-1.jar"), "not one of ours");
    Path other = Files.writeString(tmp.resolve("po-far-side-other.txt"), "not a jar");

    PoJar.reclaim(tmp);

    assertFalse(Files.exists(stale), "the jar of an ended process is removed");
    assertTrue(Files.exists(live) && Files.exists(odd) && Files.exists(other), "nothing else is");
  }
}
