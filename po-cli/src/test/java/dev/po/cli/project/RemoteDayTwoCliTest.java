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
 * real harness on a host is in po-core's RemoteHarnessTest, a terminal in RemoteTerminalIT); what
 * holds for a project anywhere is {@link AgentLogsContract}'s.
 */
class RemoteDayTwoCliTest extends AgentLogsContract {
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

  @Override
  Path fleetFile() {
    return fleet.file();
  }

  @Override
  void log(String agent, String text) {
    hosts.append("hosta", alpha + "/.ao-state/logs/" + agent + ".log", text);
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
}
