package dev.po.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.PoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecTest {
  @TempDir Path tmp;

  @Test
  void runsInTheFolderWithTheExtraEnvironment() throws Exception {
    ExecResult r =
        Exec.of(List.of("sh", "-c", "pwd; echo \"$PO_TEST_VAR\"; echo err >&2"))
            .in(tmp)
            .env(Map.of("PO_TEST_VAR", "passed"))
            .run();
    assertTrue(r.succeeded(), r.describe());
    assertTrue(r.output().contains(tmp.toRealPath().toString() + "\n") || r.output().contains(tmp + "\n"), r.output());
    assertTrue(r.output().contains("passed\n"));
    assertTrue(r.output().contains("err\n"));
  }

  @Test
  void inheritsThisProcesssEnvironment() {
    String path = System.getenv("PATH");
    ExecResult r = Exec.of(List.of("sh", "-c", "echo \"$PATH\"")).run();
    assertEquals(path, r.output().strip());
  }

  @Test
  void aFailureDescribesCommandFolderExitAndOutput() {
    ExecResult r = Exec.of(List.of("sh", "-c", "echo broken thing; exit 3")).in(tmp).run();
    assertFalse(r.succeeded());
    assertEquals(3, r.exitValue());
    String m = r.describe();
    assertTrue(m.startsWith("sh -c echo broken thing; exit 3 in " + tmp + " exited 3 after "), m);
    assertTrue(m.endsWith("output:\nbroken thing"), m);
  }

  @Test
  void aTimeoutKillsTheProgram() {
    ExecResult r = Exec.of(List.of("sleep", "30")).timeout(Duration.ofMillis(300)).run();
    assertTrue(r.timedOut());
    assertTrue(r.describe().contains(" timed out after "), r.describe());
    assertTrue(r.took().compareTo(Duration.ofSeconds(20)) < 0);
  }

  @Test
  void aTimeoutAlsoKillsWhatTheProgramStarted() throws Exception {
    Path pidFile = tmp.resolve("child.pid");
    ExecResult r = Exec.of(List.of("sh", "-c", "sleep 600 & echo $! > " + pidFile + "; wait"))
        .timeout(Duration.ofSeconds(2)).run();
    assertTrue(r.timedOut(), r.describe());
    long child = Long.parseLong(Files.readString(pidFile).strip());
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)) {
      assertTrue(System.nanoTime() < deadline, "the program's child " + child + " outlived the timeout");
      Thread.sleep(50);
    }
  }

  @Test
  void aRelativeProgramPathResolvesAgainstTheFolder() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("engine"));
    Path script = bin.resolve("agents");
    Files.writeString(script, "#!/bin/sh\necho \"verb $1\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    ExecResult r = Exec.of(List.of("engine/agents", "up")).in(tmp).run();
    assertEquals("verb up", r.output().strip(), r.describe());
    assertEquals(List.of("engine/agents", "up"), r.command());
  }

  @Test
  void aMissingProgramIsAPoException() {
    PoException e = assertThrows(PoException.class, () -> Exec.of(List.of("engine/agents", "up")).in(tmp).run());
    assertTrue(e.getMessage().contains("cannot run engine/agents up in " + tmp), e.getMessage());
  }

  @Test
  void outputIsCappedToItsEnd() {
    ExecResult r = Exec.of(List.of("sh", "-c", "head -c 200000 /dev/zero | tr '\\0' x; echo; echo last")).run();
    assertTrue(r.output().length() < Exec.OUTPUT_CAP + 100);
    assertTrue(r.output().startsWith("[... "), r.output().substring(0, 20));
    assertTrue(r.output().endsWith("last\n"));
    assertTrue(r.describe().length() < 2500);
  }

  @Test
  void aDaemonHoldingThePipeDoesNotHangUs() {
    // The child leaves a grandchild with our stdout open, as a careless launcher might.
    ExecResult r = Exec.of(List.of("sh", "-c", "(sleep 20 &) ; echo started")).timeout(Duration.ofSeconds(60)).run();
    assertTrue(r.succeeded(), r.describe());
    assertTrue(r.took().compareTo(Duration.ofSeconds(15)) < 0, r.took().toString());
  }
}
