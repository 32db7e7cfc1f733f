package dev.po.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVMs editing one fleet.toml at once take turns through the lock and lose nothing. */
class ConcurrentEditTest {
  private static final int PROCESSES = 4;
  private static final int EACH = 5;

  @TempDir Path tmp;

  @Test
  void parallelRegistrationsFromSeparateProcessesAllLand() throws IOException, InterruptedException {
    Path file = tmp.resolve("fleet.toml");
    String header = "# shared fleet\n[defaults]\nharness = \"ao\"\n\n[harnesses.ao]\nurl = \"ao.git\"\n";
    Files.writeString(file, header);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          ConcurrentEditMain.class.getName(), file.toString(), "p" + p, Integer.toString(EACH))
          .redirectErrorStream(true)
          .start());
    }
    for (Process process : processes) {
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "a registering process hung");
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), out);
    }
    Fleet fleet = Registry.at(file).read();
    Set<String> want = new TreeSet<>();
    for (int p = 0; p < PROCESSES; p++) {
      for (int i = 0; i < EACH; i++) {
        want.add("p" + p + "-" + i);
      }
    }
    assertEquals(want, new TreeSet<>(fleet.projects().stream().map(ProjectEntry::name).toList()));
    assertTrue(Files.readString(file).startsWith(header));
    try (var files = Files.list(tmp)) {
      // the lock file stays, meaning nothing by itself; no temp file does
      assertEquals(List.of(file, tmp.resolve("fleet.toml.lock")), files.sorted().toList(), "no temp files are left behind");
    }
  }
}
