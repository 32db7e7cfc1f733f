package dev.po.cli;

import static dev.po.cli.PoRun.po;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.PoException;
import dev.po.fleet.InvalidValueException;
import dev.po.fleet.Problem;
import dev.po.fleet.RegistryException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The frame: help, version, usage errors and the mapping of failures to exit codes. */
class FrameTest {
  @Test
  void versionIsTheMavenVersion() {
    PoRun r = po("--version");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().matches("po \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), r::toString);
  }

  @Test
  void helpListsTheFleetCommandsAndExitCodes() {
    PoRun top = po("--help");
    assertEquals(0, top.code(), top::toString);
    assertTrue(top.out().contains("fleet"), top::toString);
    assertTrue(top.out().contains("  2  a usage error"), top::toString);
    PoRun fleet = po("fleet", "--help");
    assertEquals(0, fleet.code(), fleet::toString);
    for (String c : new String[] {"list", "get", "status", "validate", "register", "unregister", "enable", "disable"}) {
      assertTrue(fleet.out().contains("  " + c + " "), () -> c + " missing from\n" + fleet);
      PoRun sub = po("fleet", c, "--help");
      assertEquals(0, sub.code(), sub::toString);
      assertTrue(sub.out().startsWith("Usage: po fleet " + c), sub::toString);
      assertTrue(sub.out().contains("--fleet=FILE"), sub::toString);
    }
  }

  @Test
  void helpNeverBreaksTheRegistryPathAcrossLines() {
    // the help layout breaks lines after a dot too: the path must fit whole on its line
    String[][] commands = {{}, {"start"}, {"stop"}, {"create"}, {"update"}, {"harness", "publish"}, {"demo"},
        {"fleet", "status"}, {"fleet", "register"}, {"fleet", "validate"}};
    for (String[] words : commands) {
      String[] args = java.util.Arrays.copyOf(words, words.length + 1);
      args[words.length] = "--help";
      PoRun help = po(args);
      if (help.out().contains("--fleet=FILE")) {
        assertTrue(help.out().contains("$PO_FLEET, else ./fleet.toml"), help::toString);
      }
    }
  }

  @Test
  void noCommandIsAUsageError() {
    PoRun top = po();
    assertEquals(2, top.code(), top::toString);
    assertTrue(top.err().startsWith("Usage: po"), top::toString);
    assertEquals("", top.out());
    PoRun fleet = po("fleet");
    assertEquals(2, fleet.code(), fleet::toString);
    assertTrue(fleet.err().startsWith("Usage: po fleet"), fleet::toString);
  }

  @Test
  void unknownCommandsAndOptionsAreUsageErrors() {
    PoRun r = po("fleet", "stat");
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().startsWith("po: Unmatched argument at index 1: 'stat'"), r::toString);
    assertTrue(r.err().contains("Did you mean: fleet status"), r::toString);
    assertEquals("", r.out());
    PoRun o = po("fleet", "list", "--jsn");
    assertEquals(2, o.code(), o::toString);
    assertTrue(o.err().contains("Usage: po fleet list"), o::toString);
  }

  @Test
  void registerWithoutItsRequiredOptionsIsAUsageError() {
    PoRun r = po("fleet", "register", "alpha", "--location", "x");
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().startsWith("po: Missing required option: '--ref=REF'"), r::toString);
  }

  @Test
  void aPoExceptionIsOneLineOnStderrAndExit1() {
    PoRun r = boom("po-exception");
    assertEquals(1, r.code(), r::toString);
    assertEquals("po: the fleet is on fire\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void anInvalidNameFromPoCoreIsARefusalNotAUsageError() {
    PoRun r = boom("bad-name");
    assertEquals(1, r.code(), r::toString);
    assertEquals("po: invalid project name 'Bad'\n", r.err());
  }

  @Test
  void anIllegalArgumentIsABugNotARefusal() {
    PoRun r = boom("illegal-argument");
    assertEquals(1, r.code(), r::toString);
    assertEquals("po: internal error: java.lang.IllegalArgumentException: index -1\n", r.err());
  }

  @Test
  void everyRegistryProblemIsPrintedNotOnlyTheFirst() {
    PoRun r = boom("registry");
    assertEquals(1, r.code(), r::toString);
    assertEquals("po: fleet.toml:3:1: first\npo: fleet.toml:7:5: second\n", r.err());
  }

  @Test
  void anythingElseIsAnInternalError() {
    PoRun r = boom("bug");
    assertEquals(1, r.code(), r::toString);
    assertEquals("po: internal error: java.lang.IllegalStateException: a bug\n", r.err());
  }

  @Test
  void verboseAddsTheStackTraceWhereverItIsWritten() {
    for (String[] args :
        new String[][] {{"--verbose", "boom", "bug"}, {"boom", "bug", "--verbose"}}) {
      PoRun r = run(args);
      assertEquals(1, r.code(), r::toString);
      assertTrue(r.err().startsWith("po: internal error: java.lang.IllegalStateException: a bug\n"), r::toString);
      assertTrue(r.err().contains("\tat dev.po.cli.FrameTest$Boom.call"), r::toString);
    }
    PoRun quiet = boom("bug");
    assertFalse(quiet.err().contains("\tat "), quiet::toString);
  }

  /** A command that fails the way it is told to, mounted under the real {@code po}. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Parameters String how;

    @Override
    public Integer call() {
      switch (how) {
        case "po-exception" -> throw new PoException("the fleet is on fire");
        case "bad-name" -> throw new InvalidValueException("invalid project name 'Bad'");
        case "illegal-argument" -> throw new IllegalArgumentException("index -1");
        case "registry" -> throw new RegistryException(List.of(
            new Problem(Path.of("fleet.toml"), 3, 1, "first"), new Problem(Path.of("fleet.toml"), 7, 5, "second")));
        default -> throw new IllegalStateException("a bug");
      }
    }
  }

  private static PoRun boom(String how) {
    return run("boom", how);
  }

  private static PoRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(Map.of()).addSubcommand(new Boom());
    cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new PoRun(code, out.toString(), err.toString());
  }
}
