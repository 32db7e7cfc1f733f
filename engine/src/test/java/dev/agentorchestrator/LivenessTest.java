package dev.agentorchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The watchdog's held-open liveness check against the slow path, {@link Procs#alive}, on real processes. */
class LivenessTest {

  private final Liveness liveness = new Liveness();

  @Test
  void aRunningProcessIsAliveAtEveryLookUntilItEnds() throws Exception {
    Process p = new ProcessBuilder("sleep", "100").start();
    try {
      for (int i = 0; i < 3; i++) {
        assertTrue(liveness.alive(p.pid()), "look " + i);
        assertEquals(Procs.alive(p.pid()), liveness.alive(p.pid()));
      }
    } finally {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertFalse(liveness.alive(p.pid()), "reaped");
    assertEquals(Procs.alive(p.pid()), liveness.alive(p.pid()));
    assertFalse(liveness.alive(0));
    assertFalse(liveness.alive(-1));
  }

  @Test
  void aZombieIsNotAlive() throws Exception {
    // the background sleep's parent becomes the exec'd sleep, which never reaps it
    Process parent = new ProcessBuilder("sh", "-c", "sleep 0.1 & echo $!; exec sleep 100").start();
    try {
      long zombie;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
        zombie = Long.parseLong(out.readLine().strip());
      }
      assertTrue(liveness.alive(zombie) || isZombie(zombie), "the child runs first");
      TestProjects.await("the child to be a zombie", 15, () -> isZombie(zombie), () -> read(zombie));
      assertFalse(liveness.alive(zombie));
      assertFalse(Procs.alive(zombie));
    } finally {
      parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Only the head of the stat line is read: a command name of the kernel's full 15 bytes, holding
   * ") Z " and spaces, must not pass for the end of the name or for a zombie's state.
   */
  @Test
  void aNameThatLooksLikeTheStateIsReadPastItsEnd(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path sleep = dir.resolve("x) Z ) X (1 2 3");
    Files.copy(onPath("sleep"), sleep);
    sleep.toFile().setExecutable(true);
    Process p = new ProcessBuilder(sleep.toString(), "100").start();
    try {
      TestProjects.await("the process to bear its name", 15, () -> read(p.pid()).contains("(x) Z ) X (1 2 3)"), () -> read(p.pid()));
      assertTrue(liveness.alive(p.pid()), read(p.pid()));
      assertTrue(Procs.alive(p.pid()));
      assertTrue(Procs.uptimeSeconds(p.pid()) >= 0, "the fields after the name are found");
    } finally {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertFalse(liveness.alive(p.pid()));
  }

  @Test
  void retainClosesTheFilesOfOtherProcesses() throws Exception {
    Process a = new ProcessBuilder("sleep", "100").start();
    Process b = new ProcessBuilder("sleep", "100").start();
    try {
      assertTrue(liveness.alive(a.pid()) && liveness.alive(b.pid()));
      long before = openFiles();
      liveness.retain(List.of(a.pid()));
      assertEquals(before - 1, openFiles(), "b's file closed");
      assertTrue(liveness.alive(a.pid()));
      assertTrue(liveness.alive(b.pid()), "opened again when asked again");
    } finally {
      a.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      b.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static long openFiles() throws Exception {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().matches("/proc/\\d+/stat");
        } catch (Exception e) {
          return false;
        }
      }).count();
    }
  }

  private static Path onPath(String command) {
    for (String dir : System.getenv("PATH").split(":")) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return Path.of(dir, command);
      }
    }
    throw new IllegalStateException(command + " is not on PATH");
  }

  private static boolean isZombie(long pid) {
    String stat = read(pid);
    return !stat.isEmpty() && stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
  }

  private static String read(long pid) {
    try {
      return Files.readString(Path.of("/proc/" + pid + "/stat"));
    } catch (Exception e) {
      return "";
    }
  }
}
