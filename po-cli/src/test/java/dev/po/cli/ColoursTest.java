package dev.po.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.testing.TempFleet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When po colours and shows progress: the decision alone, in-process (TerminalIT shows the screen). */
class ColoursTest {
  @TempDir Path tmp;

  private static PoRun on(Terminal terminal, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, o, e, env, terminal);
    }
    return new PoRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void onlyATerminalOnStdoutWithoutNoColorGetsColour() {
    Terminal both = new Terminal(true, true);
    assertTrue(both.colour(Map.of(), false));
    assertTrue(both.colour(Map.of("NO_COLOR", ""), false), "an empty NO_COLOR is unset (no-color.org)");
    assertFalse(both.colour(Map.of("NO_COLOR", "1"), false));
    assertFalse(both.colour(Map.of(), true));
    assertFalse(both.colour(Map.of("TERM", "dumb"), false));
    assertFalse(new Terminal(false, true).colour(Map.of(), false));
  }

  @Test
  void statusOnATerminalColoursTheStateAndKeepsTheColumns() {
    TempFleet fleet = TempFleet.create(tmp);
    fleet.addProject("alpha", "v0.1.0");
    String f = fleet.file().toString();
    PoRun coloured = on(new Terminal(true, false), Map.of(), "fleet", "status", "--fleet", f);
    PoRun plain = on(Terminal.NONE, Map.of(), "fleet", "status", "--fleet", f);
    assertTrue(coloured.out().contains("\u001B["), coloured::toString);
    assertEquals(plain.out(), coloured.out().replaceAll("\u001B\\[[0-9;]*m", ""));
    assertFalse(plain.out().contains("\u001B"), plain::toString);
    PoRun json = on(new Terminal(true, true), Map.of(), "fleet", "status", "--json", "--fleet", f);
    assertFalse(json.out().contains("\u001B"), json::toString);
    assertEquals("", json.err());
  }

  @Test
  void progressGoesToAStderrTerminalOnly() {
    TempFleet fleet = TempFleet.create(tmp);
    fleet.addProject("alpha", "v0.1.0");
    fleet.addProject("beta", "v0.1.0");
    String f = fleet.file().toString();
    PoRun watched = on(new Terminal(false, true), Map.of(), "start", "--all", "--fleet", f);
    assertEquals(0, watched.code(), watched::toString);
    assertTrue(watched.err().matches("(?s)\\[1/2\\] (alpha|beta): started \\(\\d+\\.\\ds\\)\n\\[2/2\\] .*"), watched::toString);
    PoRun piped = on(Terminal.NONE, Map.of(), "stop", "--all", "--fleet", f);
    assertEquals("", piped.err(), piped::toString);
    assertFalse(piped.out().contains("\u001B"), piped::toString);
  }
}
