package dev.po.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.testing.TempFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * po as a person sees it: run in a real terminal (a tmux pane), its screen read with the colours,
 * and the same commands writing to files, which must carry no escape codes and no progress.
 */
class TerminalIT {
  private static final char ESC = '\u001B';

  @TempDir Path tmp;
  TempFleet fleet;
  Screen screen;
  String po;

  @BeforeEach
  void setUp() {
    po = "'" + Screen.po() + "'";
    fleet = TempFleet.create(tmp);
    screen = new Screen(tmp);
  }

  @AfterEach
  void tearDown() {
    screen.close();
  }

  /** SGR parameter {@code code} (alone or among others) right before {@code word}. */
  private static Pattern styled(String code, String word) {
    return Pattern.compile("\u001B\\[(?:[0-9;]*;)?" + code + "(?:;[0-9;]*)?m" + Pattern.quote(word));
  }

  /** A project whose status file says what the harness would, with processes that are alive. */
  private void project(String name, boolean watchdog, String agentState, boolean agentAlive) throws Exception {
    Path root = fleet.addProject(name, "v0.1.0");
    long me = ProcessHandle.current().pid();
    Files.createDirectories(root.resolve(".ao-state"));
    Files.writeString(root.resolve(".ao-state/status.json"),
        "{\"watchdog\": {\"alive\": " + watchdog + ", \"pid\": " + (watchdog ? me : 0) + "},"
            + " \"agents\": [{\"name\": \"worker\", \"state\": \"" + agentState + "\", \"pid\": "
            + (agentAlive ? me : 0) + ", \"restarts\": 0}],"
            + " \"writtenAt\": \"" + Instant.now().plusSeconds(5) + "\"}\n");
  }

  private void fourStates() throws Exception {
    project("up", true, "running", true);
    project("limping", true, "backoff", false);
    project("down", false, "stopped", false);
    Path unread = fleet.addProject("unread", "v0.1.0");
    Files.createDirectories(unread.resolve(".ao-state"));
    Files.writeString(unread.resolve(".ao-state/status.json"), "not json\n"); // unreadable: unknown
  }

  @Test
  void statusColoursEachStateOnTheScreenAndNoneInAFile() throws Exception {
    fourStates();
    String shown = screen.run(po + " fleet status --fleet fleet.toml");
    assertTrue(styled("32", "running").matcher(shown).find(), "running is not green:\n" + shown);
    assertTrue(styled("33", "degraded").matcher(shown).find(), "degraded is not yellow:\n" + shown);
    assertTrue(styled("2", "stopped").matcher(shown).find(), "stopped is not dim:\n" + shown);
    assertTrue(styled("31", "unknown").matcher(shown).find(), "unknown is not red:\n" + shown);
    // coloured cells still line up: the screen without escapes is the table a file gets
    screen.run(po + " fleet status --fleet fleet.toml > out.txt");
    String file = Files.readString(tmp.resolve("out.txt"));
    assertEquals(-1, file.indexOf(ESC), file);
    assertEquals(file.strip(), plain(shown).strip());
    assertTrue(file.lines().anyMatch(l -> l.startsWith("up ") && l.endsWith("running")), file);
  }

  @Test
  void noColorAndJsonAndPipesGetNoColourOnTheScreen() throws Exception {
    fourStates();
    for (String cmd : new String[] {
        "NO_COLOR=1 " + po + " fleet status --fleet fleet.toml",
        po + " --no-color fleet status --fleet fleet.toml",
        po + " fleet status --no-color --fleet fleet.toml",
        po + " fleet status --fleet fleet.toml | cat",
        // one project: with its agents, the whole fleet's JSON scrolls past the screen
        po + " fleet status --json up --fleet fleet.toml"}) {
      String shown = screen.run(cmd);
      assertTrue(shown.contains("running"), cmd + ":\n" + shown);
      assertFalse(Pattern.compile("\u001B\\[[0-9;]*m(running|degraded|stopped|unknown)").matcher(shown).find(),
          cmd + " coloured a state:\n" + shown);
    }
  }

  @Test
  void startAndStopAllCountProjectsOnTheTerminalOnly() throws Exception {
    fleet.addProject("alpha", "v0.1.0");
    fleet.addProject("beta", "v0.1.0");
    fleet.addProject("off", "v0.1.0");
    fleet.append("enabled = false\n");
    String shown = screen.run(po + " start --all --fleet fleet.toml > out.txt");
    // stdout went to the file; the screen is stderr: one line per project as it finished
    for (String p : new String[] {"alpha: started", "beta: started", "off: skipped (disabled)"}) {
      assertTrue(Pattern.compile("\\[[1-3]/3\\] " + Pattern.quote(p)).matcher(plain(shown)).find(), p + ":\n" + shown);
    }
    for (int i = 1; i <= 3; i++) {
      assertTrue(plain(shown).contains("[" + i + "/3] "), "no running count " + i + ":\n" + shown);
    }
    String out = Files.readString(tmp.resolve("out.txt"));
    assertTrue(out.endsWith("started 2, skipped 1, failed 0\n"), out);
    assertFalse(out.contains("/3]"), out);

    String quiet = screen.run(po + " stop --all --fleet fleet.toml > out.txt 2> err.txt");
    assertEquals("", quiet.strip());
    assertEquals("", Files.readString(tmp.resolve("err.txt")));
    String stopped = Files.readString(tmp.resolve("out.txt"));
    assertEquals(-1, stopped.indexOf(ESC), stopped);
    assertTrue(stopped.endsWith("stopped 2, skipped 1, failed 0\n"), stopped);
  }

  @Test
  void createShowsTheCloneProgressOnTheTerminalOnly() throws Exception {
    String shown = plain(screen.run(po + " create fresh --ref v0.1.0 --fleet fleet.toml"));
    assertTrue(shown.contains("Receiving objects:"), shown);
    assertTrue(shown.contains("Checking out files:"), shown);
    assertTrue(shown.contains("created fresh at "), shown);

    screen.run(po + " create other --ref v0.1.0 --fleet fleet.toml > out.txt 2> err.txt");
    assertEquals("", Files.readString(tmp.resolve("err.txt")));
    assertTrue(Files.readString(tmp.resolve("out.txt")).startsWith("created other at "));
  }

  /** The screen as text: escape sequences removed. */
  private static String plain(String screen) {
    return screen.replaceAll("\u001B\\[[0-9;]*m", "");
  }
}
