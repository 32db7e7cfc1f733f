package dev.po.cli.project;

import static dev.po.cli.PoRun.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.cli.PoRun;
import dev.po.testing.SshHosts;
import dev.po.testing.SshHostsExtension;
import dev.po.testing.TempFleet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code po logs}, {@code po attach} and {@code po fleet status --agents} as typed, for a project
 * on a real ssh host whose log and status files are written there as the harness writes them (the
 * real harness on a host is in po-core's RemoteHarnessTest, a terminal in RemoteTerminalIT).
 */
class RemoteDayTwoCliTest {
  @RegisterExtension static final SshHostsExtension HOSTS = new SshHostsExtension();
  @TempDir Path tmp;
  SshHosts hosts;
  TempFleet fleet;
  String alpha;

  @BeforeEach
  void fleet() {
    hosts = HOSTS.get();
    fleet = TempFleet.create(tmp);
    alpha = hosts.host("hosta").projectsDir().resolve(tmp.getFileName() + "/alpha").toString();
    hosts.makeProject("hosta", alpha, fleet.harness().url(), "v0.1.0");
    fleet.append(hosts.table("hosta") + "\n[projects.alpha]\nhost = \"hosta\"\nlocation = \"" + alpha
        + "\"\nref = \"v0.1.0\"\n");
  }

  private void log(String agent, String text) {
    hosts.append("hosta", alpha + "/.ao-state/logs/" + agent + ".log", text);
  }

  @Test
  void logsPrintTheEndOfOneAgentsLogThere() {
    log("worker", "one\r\ntwo\r\nthree\r\n");
    PoRun r = on(fleet.file(), "logs", "alpha", "worker", "-n", "2");
    assertEquals(0, r.code(), r::toString);
    assertEquals(List.of("two", "three"), r.outLines());
    assertEquals(List.of("three"), PoRun.po("--fleet", fleet.file().toString(), "logs", "--lines", "1", "alpha", "worker").outLines());
    log("worker", "4\n5\n6\n7\n8\n9\n10\n11\n12\n");
    assertEquals(10, on(fleet.file(), "logs", "alpha", "worker").outLines().size());
  }

  @Test
  void logsOfEveryAgentThereArePrefixedWithTheirNames() {
    log("worker", "w1\nw2\n");
    log("qa", "q1\n");
    log("watchdog", "not an agent\n");
    PoRun r = on(fleet.file(), "logs", "alpha");
    assertEquals(0, r.code(), r::toString);
    assertEquals(List.of("qa     | q1", "worker | w1", "worker | w2"), r.outLines());
  }

  @Test
  void logsRefuseAnUnknownAgentThereAsHere() {
    PoRun none = on(fleet.file(), "logs", "alpha");
    assertEquals(1, none.code(), none::toString);
    assertEquals(List.of("po: project alpha: no log yet for its agents (the harness writes .ao-state/logs/AGENT.log"
        + " once an agent runs; po start alpha)"), none.errLines());
    log("worker", "w1\n");
    PoRun unknown = on(fleet.file(), "logs", "alpha", "nobody");
    assertEquals(1, unknown.code(), unknown::toString);
    assertEquals(List.of("po: project alpha has no agent 'nobody' (its agents: worker)"), unknown.errLines());
  }

  @Test
  void logsFollowPrintsEveryAgentsLinesInterleavedAsWrittenThereUntilInterrupted() throws Exception {
    log("worker", "old\n");
    log("qa", "older\n");
    // the agents as the harness records them, in agents.toml order
    hosts.append("hosta", alpha + "/.ao-state/status.json", "{\"agents\": [{\"name\": \"qa\", \"state\": \"stopped\"},"
        + " {\"name\": \"worker\", \"state\": \"stopped\"}]}\n");
    try (PoRun.Running po = PoRun.start("logs", "alpha", "-f", "-n", "1", "--fleet", fleet.file().toString())) {
      po.awaitOut("qa     | older\nworker | old\n");
      log("worker", "w-new\n");
      po.awaitOut("qa     | older\nworker | old\nworker | w-new\n");
      log("qa", "q-new\n");
      po.awaitOut("qa     | older\nworker | old\nworker | w-new\nqa     | q-new\n");
      assertEquals(0, po.stop());
    }
    assertEquals(List.of(), hosts.awaitNoSessions("hosta", 20), "left running on the host");
  }

  @Test
  void statusAgentsShowsTheAgentsThere() {
    // the harness's status file, naming a live process (this JVM: the host is this machine)
    long me = ProcessHandle.current().pid();
    hosts.append("hosta", alpha + "/.ao-state/status.json", "{\"watchdog\": {\"alive\": true, \"pid\": " + me + "},"
        + " \"agents\": [{\"name\": \"worker\", \"watch\": \"heal\", \"state\": \"running\", \"pid\": " + me
        + ", \"uptimeSeconds\": 42, \"restarts\": 2, \"lastExit\": 137}], \"writtenAt\": \"" + Instant.now().plusSeconds(5) + "\"}\n");
    PoRun r = on(fleet.file(), "fleet", "status", "alpha", "--agents");
    assertEquals(0, r.code(), r::toString);
    List<String> lines = r.outLines();
    assertEquals(List.of("NAME", "HOST", "ENABLED", "HARNESS@REF", "PIN", "LOCATION", "STATE"),
        List.of(lines.get(0).trim().split("\\s+")), r::toString);
    assertEquals(List.of("alpha", "hosta", "yes", "agent-orchestrator@v0.1.0", "v0.1.0", "ok", "running"),
        List.of(lines.get(1).trim().split("\\s+")), r::toString);
    assertEquals(List.of("PROJECT", "AGENT", "STATE", "PID", "UPTIME", "RESTARTS", "LAST", "EXIT"),
        List.of(lines.get(3).trim().split("\\s+")), r::toString);
    List<String> row = List.of(lines.get(4).trim().split("\\s+"));
    assertEquals(List.of("alpha", "worker", "running", Long.toString(me)), row.subList(0, 4), r::toString);
    assertTrue(row.get(4).endsWith("s") || row.get(4).endsWith("m"), r::toString);
    assertEquals(List.of("2", "137"), row.subList(5, 7), r::toString);
  }

  @Test
  void attachRefusesWithoutATerminalInOneLine() {
    PoRun r = on(fleet.file(), "attach", "alpha", "worker");
    assertEquals(1, r.code(), r::toString);
    assertEquals(List.of("po: project alpha: attach needs a terminal, and stdin or stdout is not one"
        + " (read the log instead: po logs alpha worker)"), r.errLines());
    assertEquals("", r.out());
  }
}
