package dev.po.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.Po;
import dev.po.project.HarnessState;
import dev.po.project.Project;
import dev.po.testing.EngineHarness;
import dev.po.testing.HarnessFleet;
import dev.po.testing.SshHosts;
import dev.po.testing.SshHostsExtension;
import dev.po.testing.TempFleet;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * po driving a project on another host from a real terminal (a tmux pane), as an operator does:
 * attaching to an agent there and detaching again, following its log until Ctrl-C, and a po
 * following a log ended by SIGTERM; none leaves anything of po running on the host. The host is
 * a real sshd ({@link SshHosts}) running the real harness.
 */
class RemoteTerminalIT {
  @RegisterExtension static final SshHostsExtension HOSTS = new SshHostsExtension();
  @RegisterExtension static final HarnessFleet live = new HarnessFleet();

  SshHosts hosts;
  TempFleet fleet;
  Screen screen;
  String po;
  Po core;

  /** Agent alpha running on host {@code hosta}, and a terminal in the registry's folder. */
  @BeforeEach
  void runningOnAHost() {
    hosts = HOSTS.get();
    po = "'" + Screen.po() + "'";
    fleet = live.fleet();
    screen = new Screen(fleet.file().getParent());
    fleet.append(hosts.table("hosta", "hosta", EngineHarness.env(live.socket())));
    core = live.po();
    String where = hosts.host("hosta").projectsDir().resolve(fleet.file().getParent().getFileName() + "/alpha").toString();
    core.create("alpha").setRef("v0.1.0").setHost("hosta").setRemoteLocation(where).setAgentCommand(EngineHarness.TICKER)
        .setRegister(true).call();
    Project alpha = core.project("alpha");
    alpha.start();
    EngineHarness.await(alpha::state, HarnessState.RUNNING);
  }

  @AfterEach
  void closeTheTerminal() {
    screen.close();
  }

  @Test
  void attachShowsTheAgentThereAndDetachingReturnsToTheShell() throws Exception {
    String pane = screen.start(po + " attach alpha --fleet fleet.toml; echo \"attach exit $?\"");
    screen.await(pane, "tick ");
    assertFalse(screen.text(pane).contains("attach exit"), "attached until detached");
    // the harness's tmux there takes C-b d as a terminal's keys, as from the operator's keyboard
    screen.type(pane, "C-b", "d");
    String shown = screen.awaitDone(pane);
    assertTrue(shown.contains("attach exit 0"), shown);
    assertEquals(HarnessState.RUNNING, core.project("alpha").state(), "detaching leaves the agent running");
    assertEquals(List.of(), hosts.awaitNoSessions("hosta", 20), "left running on the host");
  }

  @Test
  void logsFollowTheAgentThereUntilCtrlCAndLeaveNothingOnTheHost() throws Exception {
    // the shell survives Ctrl-C (its handler is not inherited), so it goes on once po ends
    String pane = screen.start("trap : INT; " + po + " logs alpha worker -f -n 1 --fleet fleet.toml; echo \"logs exit $?\"");
    String first = screen.await(pane, "tick ");
    int tick = lastTick(first);
    awaitTickAfter(pane, tick + 2);
    screen.type(pane, "C-c");
    String shown = screen.awaitDone(pane);
    assertTrue(shown.contains("logs exit "), shown);
    assertEquals(List.of(), hosts.awaitNoSessions("hosta", 20), "left running on the host");
  }

  @Test
  void aFollowingPoEndedBySigtermEndsItsSshAndLeavesNothingOnTheHost() throws Exception {
    Process p = new ProcessBuilder(Screen.po().toString(), "logs", "alpha", "worker", "-f", "--fleet",
        fleet.file().toString()).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("tick ")) {
        // the last lines first, then the new ones as they come
      }
      assertTrue(line != null && line.startsWith("tick "), "po logs -f printed no tick");
      List<ProcessHandle> ssh = p.toHandle().descendants().toList();
      assertFalse(ssh.isEmpty(), "po follows through ssh");
      p.destroy();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "po ends on SIGTERM");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (ssh.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertEquals(List.of(), ssh.stream().filter(ProcessHandle::isAlive).toList(), "ssh outlived po");
    } finally {
      p.destroyForcibly();
    }
    assertEquals(List.of(), hosts.awaitNoSessions("hosta", 20), "left running on the host");
  }

  /** The highest "tick N" the screen shows. */
  private static int lastTick(String shown) {
    return shown.lines().filter(l -> l.startsWith("tick ")).mapToInt(l -> Integer.parseInt(l.substring(5).trim()))
        .max().orElse(0);
  }

  private void awaitTickAfter(String pane, int tick) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lastTick(screen.text(pane)) < tick) {
      assertTrue(System.nanoTime() < deadline, "no tick " + tick + " followed:\n" + screen.text(pane));
      Thread.sleep(100);
    }
  }
}
