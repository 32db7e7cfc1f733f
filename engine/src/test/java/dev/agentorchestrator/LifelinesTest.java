package dev.agentorchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifelines on real named pipes, held by real processes started through the agent's wrapper. */
class LifelinesTest {
  @TempDir Path root;

  private final AtomicInteger rings = new AtomicInteger();

  @Test
  void theEndOfTheProcessHoldingItRingsOnceAndNamesTheAgent() throws Exception {
    Lifelines lifelines = new Lifelines(new Project(root), rings::incrementAndGet);
    assertEquals(null, lifelines.arm("a"));
    assertTrue(Files.readAttributes(new Project(root).lifeline("a"), BasicFileAttributes.class).isOther());
    Process agent = start(new Project(root).lifeline("a"), "sleep", "100004");
    try {
      TestProjects.sleep(300);
      assertEquals(0, rings.get(), "no ring while the agent lives");
      agent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      TestProjects.await("the ring", 30, () -> rings.get() == 1, rings::get);
      assertEquals(Set.of("a"), lifelines.ended());
      assertEquals(Set.of(), lifelines.ended(), "told once");
      // with nobody at the other end the reader sleeps in open: no more rings, no busy loop
      TestProjects.sleep(300);
      assertEquals(1, rings.get());
      assertEquals(null, lifelines.arm("a"), "armed already: nothing to do");

      Process next = start(new Project(root).lifeline("a"), "sleep", "100004");
      TestProjects.sleep(300);
      assertEquals(1, rings.get(), "the next agent is read as it starts");
      next.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      TestProjects.await("the second ring", 30, () -> rings.get() == 2, rings::get);
    } finally {
      agent.destroyForcibly();
    }
  }

  @Test
  void anAgentThatClosesItRingsAtOnceAndThenNotAgain() throws Exception {
    Path pipe = new Project(root).lifeline("b");
    Files.createDirectories(pipe.getParent());
    Files.writeString(pipe, "a plain file where the pipe belongs\n");
    Lifelines lifelines = new Lifelines(new Project(root), rings::incrementAndGet);
    assertEquals(null, lifelines.arm("b"));
    assertTrue(Files.readAttributes(pipe, BasicFileAttributes.class).isOther(), "replaced by a named pipe");
    Process agent = start(pipe, "sh", "-c", "exec 9>&-; exec sleep 100004");
    try {
      TestProjects.await("the ring of the closed lifeline", 30, () -> rings.get() == 1, rings::get);
      TestProjects.sleep(500);
      assertEquals(1, rings.get(), "the reader waits for the next holder, it does not spin");
      assertTrue(agent.isAlive());
    } finally {
      agent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void withoutThePipeTheWrapperStillRunsTheArgvAsIs() throws Exception {
    Path out = root.resolve("out");
    Process p = start(root.resolve("no-such-pipe"), "sh", "-c", "printf '%s|' \"$@\" > " + out, "x", "a b", "$HOME", "");
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    assertEquals("a b|$HOME||", Files.readString(out));
    assertTrue(!Files.exists(root.resolve("no-such-pipe")), "nothing made at the pipe's path");
  }

  private static Process start(Path lifeline, String... argv) throws IOException {
    List<String> command = new ArrayList<>(Lifelines.wrap(lifeline, List.of(argv)));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }
}
