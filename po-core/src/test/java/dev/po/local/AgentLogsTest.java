package dev.po.local;

import dev.po.project.LogLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's log files read as files: their end, and what is appended after, across a rotation. */
class AgentLogsTest {
  @TempDir Path root;

  private Path write(String name, String text) throws Exception {
    Path f = root.resolve(AgentLogs.LOGS_DIR).resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  @Test
  void theLastLinesOfALogWithoutTheTerminalsCarriageReturns() throws Exception {
    write("worker.log", "one\r\ntwo\r\nthree\r\n");
    AgentLogs logs = new AgentLogs(root);
    assertEquals(List.of("two", "three"), logs.last("worker", 2));
    assertEquals(List.of("one", "two", "three"), logs.last("worker", 10));
    assertEquals(List.of(), logs.last("worker", 0));
    assertEquals(List.of(), logs.last("nobody", 5));
  }

  @Test
  void aShortLogReachesIntoItsRotatedPart() throws Exception {
    write("worker.log.1", "a\nb\nc\n");
    write("worker.log", "d\n");
    assertEquals(List.of("b", "c", "d"), new AgentLogs(root).last("worker", 3));
  }

  @Test
  void agentsWithLogsLeaveOutTheWatchdogAndRotatedParts() throws Exception {
    write("watchdog.log", "x\n");
    write("b.log", "x\n");
    write("a.log", "x\n");
    write("a.log.1", "x\n");
    assertEquals(List.of("a", "b"), new AgentLogs(root).withLogs());
  }

  /** Whatever the text, the tail is the end of the file's lines, however long they are. */
  @Property(tries = 200)
  void tailIsTheLastLinesOfTheFile(@ForAll("logs") String text, @ForAll @IntRange(min = 1, max = 40) int n)
      throws Exception {
    Path f = Files.createTempFile("tail", ".log");
    try {
      Files.writeString(f, text);
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      if (text.endsWith("\n")) {
        lines.remove(lines.size() - 1);
      }
      if (text.isEmpty()) {
        lines.clear();
      }
      List<String> want = lines.subList(Math.max(0, lines.size() - n), lines.size());
      assertEquals(want, AgentLogs.tail(f, n));
    } finally {
      Files.delete(f);
    }
  }

  @Provide
  Arbitrary<String> logs() {
    // short and very long lines (past the 64 KiB read chunk), empty lines, multi-byte characters
    Arbitrary<String> line = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab é€\t").ofMaxLength(12),
        Arbitraries.strings().withChars("xyz").ofMinLength(60_000).ofMaxLength(140_000));
    return line.list().ofMaxSize(30).flatMap(ls -> Arbitraries.of("", "\n").map(end -> String.join("\n", ls) + end));
  }

  @Test
  void followGivesAppendedLinesAndGoesOnAfterARotation() throws Exception {
    Path log = write("worker.log", "old\n");
    List<LogLine> seen = new CopyOnWriteArrayList<>();
    Thread follower = new Thread(() -> new AgentLogs(root).follow(List.of("worker", "helper"), seen::add));
    follower.start();
    try {
      Thread.sleep(500);
      append(log, "new 1\nnew ");
      awaitLines(seen, 1);
      append(log, "2\n");
      awaitLines(seen, 2);
      // the watchdog's rotation: copy aside (with a line written after our last read), then empty in place
      append(log, "before rotation\n");
      Files.copy(log, root.resolve(AgentLogs.LOGS_DIR).resolve("worker.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
      append(log, "after rotation\n");
      // an agent whose log appears only now is followed too
      write("helper.log", "helper up\n");
      awaitLines(seen, 5);
    } finally {
      follower.interrupt();
      follower.join(10_000);
    }
    assertTrue(!follower.isAlive(), "follow ends when its thread is interrupted");
    List<String> worker = seen.stream().filter(l -> l.agent().equals("worker")).map(LogLine::text).toList();
    assertEquals(List.of("new 1", "new 2", "before rotation", "after rotation"), worker);
    assertEquals(List.of(new LogLine("helper", "helper up")), seen.stream().filter(l -> l.agent().equals("helper")).toList());
  }

  @Test
  void aLineWithoutItsNewlineIsShownAfterAWhile() throws Exception {
    Path log = write("worker.log", "");
    List<LogLine> seen = new CopyOnWriteArrayList<>();
    Thread follower = new Thread(() -> new AgentLogs(root).follow(List.of("worker"), seen::add));
    follower.start();
    try {
      Thread.sleep(300);
      append(log, "Continue? [y/n] ");
      awaitLines(seen, 1);
    } finally {
      follower.interrupt();
      follower.join(10_000);
    }
    assertEquals(List.of(new LogLine("worker", "Continue? [y/n] ")), seen);
  }

  private static void append(Path f, String text) throws Exception {
    Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private static void awaitLines(List<LogLine> seen, int n) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (seen.size() < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + n + " lines within 30 s, saw " + seen);
      }
      Thread.sleep(50);
    }
  }
}
