package dev.agentorchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRotationTest {
  @TempDir Path logs;

  @Test
  void aLogPastItsLimitIsKeptAsDotOneAndEmptiedInPlace() throws Exception {
    Files.writeString(logs.resolve("a.log"), "x".repeat(100));
    Files.writeString(logs.resolve("a.log.1"), "older");
    Files.writeString(logs.resolve("b.log"), "small");
    Files.writeString(logs.resolve("notes.txt"), "y".repeat(100));

    assertEquals(List.of("a.log"), LogRotation.trim(logs, 50));

    assertEquals("x".repeat(100), Files.readString(logs.resolve("a.log.1")));
    assertEquals(0, Files.size(logs.resolve("a.log")));
    assertEquals("small", Files.readString(logs.resolve("b.log")));
    assertEquals(100, Files.size(logs.resolve("notes.txt")));
  }

  @Test
  void anAppendingWriterLikePipePaneGoesOnAtTheStartOfTheEmptiedLog() throws Exception {
    Path log = logs.resolve("agent.log");
    try (FileOutputStream appender = new FileOutputStream(log.toFile(), true)) {
      appender.write("z".repeat(200).getBytes(StandardCharsets.UTF_8));
      appender.flush();
      LogRotation.trim(logs, 100);
      appender.write("after\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("after\n", Files.readString(log));
    assertEquals(200, Files.size(logs.resolve("agent.log.1")));
  }

  @Test
  void theLimitComesFromTheEnvironmentOrTheDefault() {
    assertEquals(1000, LogRotation.maxBytes("1000"));
    assertEquals(LogRotation.DEFAULT_MAX_BYTES, LogRotation.maxBytes(null));
    assertEquals(LogRotation.DEFAULT_MAX_BYTES, LogRotation.maxBytes("lots"));
    assertEquals(LogRotation.DEFAULT_MAX_BYTES, LogRotation.maxBytes("-5"));
  }
}
