package dev.po.cli.project;

import static dev.po.cli.PoRun.on;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.po.cli.PoRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code po logs} and {@code po attach} answer for project {@code alpha}, wherever it lives:
 * a subclass registers alpha (never started) and writes its agents' logs as the harness does.
 */
abstract class AgentLogsContract {

  /** The registry naming alpha. */
  abstract Path fleetFile();

  /** Appends {@code text} to alpha's log of {@code agent}, where alpha lives. */
  abstract void log(String agent, String text) throws Exception;

  @Test
  void logsPrintTheEndOfOneAgentsLogAsItIs() throws Exception {
    log("worker", "one\r\ntwo\r\nthree\r\n");
    PoRun r = on(fleetFile(), "logs", "alpha", "worker", "-n", "2");
    assertEquals(0, r.code(), r::toString);
    assertEquals(List.of("two", "three"), r.outLines());
    // the option before the words, and the long form
    assertEquals(List.of("three"), PoRun.po("--fleet", fleetFile().toString(), "logs", "--lines", "1", "alpha", "worker").outLines());
    // the default: ten lines
    log("worker", "4\n5\n6\n7\n8\n9\n10\n11\n12\n");
    assertEquals(List.of("three", "4", "5", "6", "7", "8", "9", "10", "11", "12"), on(fleetFile(), "logs", "alpha", "worker").outLines());
  }

  @Test
  void logsOfEveryAgentArePrefixedWithTheirNames() throws Exception {
    log("worker", "w1\nw2\n");
    log("qa", "q1\n");
    log("watchdog", "not an agent\n");
    PoRun r = on(fleetFile(), "logs", "alpha");
    assertEquals(0, r.code(), r::toString);
    assertEquals(List.of("qa     | q1", "worker | w1", "worker | w2"), r.outLines());
  }

  @Test
  void logsRefuseAnUnknownAgentAProjectThatNeverRanAndABadCount() throws Exception {
    PoRun none = on(fleetFile(), "logs", "alpha");
    assertEquals(1, none.code(), none::toString);
    assertEquals(List.of("po: project alpha: no log yet for its agents (the harness writes .ao-state/logs/AGENT.log"
        + " once an agent runs; po start alpha)"), none.errLines());
    log("worker", "w1\n");
    PoRun unknown = on(fleetFile(), "logs", "alpha", "nobody");
    assertEquals(1, unknown.code(), unknown::toString);
    assertEquals(List.of("po: project alpha has no agent 'nobody' (its agents: worker)"), unknown.errLines());
    PoRun negative = on(fleetFile(), "logs", "alpha", "-n", "-1");
    assertEquals(2, negative.code(), negative::toString);
  }

  @Test
  void attachRefusesWithoutATerminalInOneLine() {
    PoRun r = on(fleetFile(), "attach", "alpha", "worker");
    assertEquals(1, r.code(), r::toString);
    assertEquals(List.of("po: project alpha: attach needs a terminal, and stdin or stdout is not one"
        + " (read the log instead: po logs alpha worker)"), r.errLines());
    assertEquals("", r.out());
  }
}
