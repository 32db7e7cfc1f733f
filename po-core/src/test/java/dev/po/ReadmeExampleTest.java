package dev.po;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.po.project.CreateResult;
import dev.po.project.HarnessState;
import dev.po.project.LaunchSummary;
import dev.po.project.Project;
import dev.po.project.UpdateResult;
import dev.po.testing.TempFleet;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's lifecycle example, compiled and run against a temp fleet (whose harness launcher is
 * the fixtures' stand-in). Keep the lines between the markers identical to the README.
 */
class ReadmeExampleTest {
  @TempDir Path tmp;

  static String example(Path fleetFile) {
    // --- README example begins
    Po po = Po.open(fleetFile).withEnvironment(Map.of("AO_TMUX_SOCKET", "my-fleet"));

    CreateResult made = po.create("my-project").setRef("v0.1.0").setRegister(true).call();
    System.out.println(made.root() + " pins engine at " + made.engineCommit());

    Project project = po.project("my-project");
    project.start();                                  // engine/agents up, in the project root
    HarnessState state = project.state();             // RUNNING, DEGRADED, STOPPED or UNKNOWN

    UpdateResult moved = project.update("v0.2.0").setRestart(true).call();
    System.out.println("engine " + moved.fromRef() + " -> " + moved.toRef() + ", " + state.word());

    LaunchSummary stopped = po.stop().setAll(true).call();   // every enabled project; never stops at a failure
    System.out.println(stopped.line());                      // stopped 1, skipped 0, failed 0
    // --- README example ends
    return stopped.line();
  }

  /** The lines between the markers, dedented, stand as they are in the README's Java block. */
  @Test
  void theReadmeShowsThisExample() throws Exception {
    Path here = Path.of("src/test/java/dev/po/ReadmeExampleTest.java").toAbsolutePath();
    String source = java.nio.file.Files.readString(here);
    String block = source.substring(
        source.indexOf('\n', source.indexOf("// --- README example begins")) + 1,
        source.indexOf("    // --- README example ends"));
    String dedented = block.lines().map(l -> l.length() >= 4 ? l.substring(4) : l.strip())
        .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    // Surefire runs in the module's folder; the README is the repository's.
    String readme = java.nio.file.Files.readString(Path.of("../README.md"));
    org.junit.jupiter.api.Assertions.assertTrue(readme.contains("```java\n" + dedented + "```"),
        "README.md's Java example differs from ReadmeExampleTest:\n" + dedented);
  }

  @Test
  void theReadmeExampleRuns() {
    TempFleet fleet = TempFleet.create(tmp);
    assertEquals("stopped 1, skipped 0, failed 0", example(fleet.file()));
    assertEquals("v0.2.0", Po.open(fleet.file()).fleet().requireProject("my-project").ref());
  }
}
