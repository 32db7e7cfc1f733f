package dev.po.project;

import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.local.ProjectLockMain;
import dev.po.testing.ProjectRepo;
import dev.po.testing.ProjectFleet;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Commands that change one project take turns: a second is refused in one line, never interleaves. */
class ProjectLockTest {
  @RegisterExtension final ProjectFleet one = ProjectFleet.with("beta");

  private Process holder() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ProjectLockMain.class.getName(), "beta", one.root().toString()).start();
    String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    if (!"held".equals(line)) {
      p.waitFor(60, TimeUnit.SECONDS);
      throw new AssertionError("the holder did not start: " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void anUpdateWhileAnotherProcessHoldsTheProjectIsRefusedAndChangesNothing() throws Exception {
    String text = one.fleet().text();
    String head = git(one.root(), "rev-parse", "HEAD");
    Process other = holder();
    try {
      ProjectBusyException e = assertThrows(ProjectBusyException.class, () -> one.po().project("beta").update("v0.2.0").call());
      assertEquals("project beta: another command is changing it (pid " + other.pid()
          + ": update beta v9); try again when it is done", e.getMessage());
      assertEquals(text, one.fleet().text());
      assertEquals(head, git(one.root(), "rev-parse", "HEAD"));
      assertEquals(one.fleet().harness().commit("v0.1.0"), ProjectRepo.pin(one.root()));
    } finally {
      other.getOutputStream().close();
      assertTrue(other.waitFor(60, TimeUnit.SECONDS));
    }
    // once the other is done, the project is free again
    assertEquals(one.fleet().harness().commit("v0.2.0"), one.po().project("beta").update("v0.2.0").call().toCommit());
  }

  @Test
  void aKilledHolderLeavesNothingThatBlocks() throws Exception {
    Process other = holder();
    other.destroyForcibly();
    assertTrue(other.waitFor(60, TimeUnit.SECONDS));
    assertEquals(one.fleet().harness().commit("v0.2.0"), one.po().project("beta").update("v0.2.0").call().toCommit());
  }

  @Test
  void aSecondUpdateInThisProcessIsRefusedWhileTheFirstIsMidway() throws Exception {
    AtomicReference<Throwable> second = new AtomicReference<>();
    UpdateResult first = one.po().project("beta").update("v0.2.0").beforeRegistryWrite(() -> {
      // the first has committed its pin and not yet written the registry: the worst moment
      CompletableFuture<Void> f = CompletableFuture.runAsync(() -> one.po().project("beta").update("v0.1.0").call());
      try {
        f.get(120, TimeUnit.SECONDS);
      } catch (Exception e) {
        second.set(e.getCause());
      }
    }).call();
    assertTrue(second.get() instanceof ProjectBusyException, () -> String.valueOf(second.get()));
    assertEquals("project beta: another command is changing it (pid " + ProcessHandle.current().pid()
        + ": update beta v0.2.0); try again when it is done", second.get().getMessage());
    assertEquals(one.fleet().harness().commit("v0.2.0"), first.toCommit());
    assertEquals(one.fleet().harness().commit("v0.2.0"), ProjectRepo.pin(one.root()));
    assertEquals("v0.2.0", one.po().fleet().requireProject("beta").ref());
    assertEquals("", git(one.root(), "status", "--porcelain"));
  }
}
