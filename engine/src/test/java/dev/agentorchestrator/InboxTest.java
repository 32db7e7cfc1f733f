package dev.agentorchestrator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog's doorbell on a real folder and real inotify. */
class InboxTest {
  @TempDir Path dir;

  @Test
  void aNoteRingsAndSilenceTimesOut() throws Exception {
    try (Inbox inbox = new Inbox(dir)) {
      assertFalse(inbox.await(50), "nothing arrived");
      Thread writer = new Thread(() -> {
        TestProjects.sleep(200);
        touch(dir.resolve("pane-died"));
      });
      writer.start();
      // a generous bound: the answer is the point, not its speed (bench/idle-fleet times heals)
      assertTrue(inbox.await(60_000), "the note woke the wait");
      writer.join();
    }
  }

  @Test
  void aNoteThatCameWhileBusyRingsAtTheNextWait() throws Exception {
    try (Inbox inbox = new Inbox(dir)) {
      touch(dir.resolve("up.req"));
      TestProjects.sleep(1000); // busy: the ring comes while nobody waits, and must not be lost
      TestProjects.await("the note to be taken", 30, () -> rung(inbox), () -> "no ring");
    }
  }

  @Test
  void aTouchOfAnExistingFileRingsAsTheHookDoes() throws Exception {
    Path hook = dir.resolve("pane-died");
    Files.writeString(hook, "");
    try (Inbox inbox = new Inbox(dir)) {
      new ProcessBuilder("touch", hook.toString()).start().waitFor();
      assertTrue(inbox.await(60_000), "tmux's hook runs touch on a file that is already there");
    }
  }

  /** Whether a note is waiting, asked with the shortest wait (while busy, the watchdog does not wait). */
  private static boolean rung(Inbox inbox) {
    try {
      return inbox.await(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void touch(Path file) {
    try {
      Files.writeString(file, "x");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
