package dev.po.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.po.testing.SshHosts;
import dev.po.testing.SshHostsExtension;
import dev.po.testing.TempFleet;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A script, a thin caller of po-core, reaching a project on a real ssh host as po does. */
class RemoteScriptsIT {
  @RegisterExtension static final SshHostsExtension HOSTS = new SshHostsExtension();
  @TempDir Path tmp;

  @Test
  void logsReadTheEndOfAnAgentsLogOnTheProjectsHost() throws Exception {
    SshHosts hosts = HOSTS.get();
    TempFleet fleet = TempFleet.create(tmp);
    String alpha = hosts.host("hosta").projectsDir().resolve(tmp.getFileName() + "/alpha").toString();
    hosts.makeProject("hosta", alpha, fleet.harness().url(), "v0.1.0");
    fleet.append(hosts.table("hosta") + "\n[projects.alpha]\nhost = \"hosta\"\nlocation = \"" + alpha
        + "\"\nref = \"v0.1.0\"\n");
    hosts.append("hosta", alpha + "/.ao-state/logs/worker.log", "w1\r\nw2\r\nw3\r\n");
    hosts.append("hosta", alpha + "/.ao-state/logs/qa.log", "q1\n");
    Map<String, String> env = Map.of("PO_FLEET", fleet.file().toString());

    ScriptsIT.Run one = ScriptsIT.run(tmp, env, "logs", "alpha", "worker", "-n", "2");
    assertEquals(0, one.code(), one.err());
    assertEquals("w2\nw3\n", one.out());
    ScriptsIT.Run all = ScriptsIT.run(tmp, env, "logs", "--lines=1", "alpha");
    assertEquals(0, all.code(), all.err());
    assertEquals("qa     | q1\nworker | w3\n", all.out());
    ScriptsIT.Run unknown = ScriptsIT.run(tmp, env, "logs", "alpha", "nobody");
    assertEquals(1, unknown.code());
    assertEquals("logs: project alpha has no agent 'nobody' (its agents: qa, worker)\n", unknown.err());
  }
}
