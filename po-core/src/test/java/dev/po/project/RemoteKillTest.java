package dev.po.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.testing.SshHosts;
import dev.po.testing.SshHostsExtension;
import dev.po.testing.TempFleet;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A po killed (SIGKILL) while the po on another host launches for it: the po there stops at once,
 * as a po killed here would, and what it had started but not begun gives up, so that nothing of
 * the killed command acts after the next one.
 */
class RemoteKillTest {
  @RegisterExtension static final SshHostsExtension HOSTS = new SshHostsExtension();
  @TempDir Path tmp;

  @Test
  void thePoThereStopsWithTheKilledPoAndItsLauncherDoesNothing() throws Exception {
    SshHosts hosts = HOSTS.get();
    TempFleet fleet = TempFleet.create(tmp);
    String slow = hosts.host("hosta").projectsDir().resolve(tmp.getFileName() + "/slow").toString();
    hosts.makeProject("hosta", slow, fleet.harness().url(), "v0.1.0");
    // a launcher that takes a while to begin (as the harness's first build does), then acts only
    // for a caller that is still there, as the harness's own up and down do
    fleet.append(hosts.table("hosta")
        + "\n[harnesses.slow]\nurl = \"" + fleet.harness().url() + "\"\n"
        + "launcher = [\"sh\", \"-c\", \"sleep 6; kill -0 \\\"$AO_CALLER_PID\\\" && exec engine/agents \\\"$0\\\"\"]\n"
        + "\n[projects.slow]\nhost = \"hosta\"\nharness = \"slow\"\nlocation = \"" + slow + "\"\nref = \"v0.1.0\"\n");

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process start = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), StartKillMain.class.getName(),
        fleet.file().toString(), "slow").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      // the po there has begun the launch: its launcher waits
      while (hosts.sessions("hosta").stream().noneMatch(s -> s.contains("sleep 6"))) {
        assertTrue(start.isAlive(), "po start ended before the po there launched");
        assertTrue(System.nanoTime() < deadline, "the po there never launched");
        Thread.sleep(50);
      }
    } finally {
      start.destroyForcibly(); // SIGKILL: its ssh sees its stdin end
      assertTrue(start.waitFor(30, TimeUnit.SECONDS));
    }
    assertEquals(List.of(), hosts.awaitNoSessions("hosta", 3), "the po there outlived the killed po");
    Thread.sleep(8000); // past the launcher's wait
    assertFalse(hosts.launcherLog("hosta", slow).contains("up"), "the launcher acted after its po was killed");
  }
}
