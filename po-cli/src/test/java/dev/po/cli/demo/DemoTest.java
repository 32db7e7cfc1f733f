package dev.po.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.cli.PoRun;
import dev.po.fleet.Fleet;
import dev.po.fleet.Registry;
import dev.po.project.HarnessState;
import dev.po.local.HarnessStates;
import dev.po.testing.EngineHarness;
import dev.po.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in demo runs to the end with the real harness, and leaves nothing of its own behind. */
class DemoTest {
  // The demo names its tmux socket after the po process: here, the test JVM.
  static final String SOCKET = "po-demo-" + ProcessHandle.current().pid();

  @TempDir Path tmp;

  @AfterEach
  void killTheDemoServerIfATestFailed() {
    Tmux.kill(SOCKET);
  }

  private Map<String, String> env(Path operatorFleet) {
    Map<String, String> env = new HashMap<>(EngineHarness.env("operator-socket-never-used"));
    // An operator's own registry and tmux socket: the demo must use neither.
    env.put("PO_FLEET", operatorFleet.toString());
    env.put("PATH", "/usr/bin:/bin");
    return env;
  }

  @Test
  void runsToTheEndAndRemovesItsSandbox() throws Exception {
    Path operatorFleet = tmp.resolve("operator/fleet.toml");
    Files.createDirectories(operatorFleet.getParent());
    String operatorText = "# mine\n[harnesses.h]\nurl = \"x\"\n";
    Files.writeString(operatorFleet, operatorText);
    Path sandbox = tmp.resolve("demo");

    PoRun r = PoRun.withEnv(env(operatorFleet),
        "demo", "--dir", sandbox.toString(), "--engine", EngineHarness.engineDir().toString());

    assertEquals(0, r.code(), r.out() + r.err());
    String out = r.out();
    assertTrue(out.contains("claude is not on PATH: the agents run a stand-in command"), out);
    assertTrue(out.contains("started 3, skipped 0, failed 0"), out);
    assertTrue(out.matches("(?s).*healed in \\d+ ms: agent worker runs again as pid \\d+, restarts 1.*"), out);
    assertTrue(out.contains("beta: engine v0.1.0 -> v0.2.0"), out);
    assertTrue(out.contains("no problems"), out);
    assertTrue(out.contains("stopped 3, skipped 0, failed 0"), out);
    assertTrue(out.contains("demo complete"), out);
    assertFalse(Files.exists(sandbox), "the sandbox is removed");
    assertFalse(Tmux.serverRunning(SOCKET), "no tmux server of the demo is left");
    Path socketFile = Tmux.socketFile(SOCKET);
    assertFalse(Files.exists(socketFile), "nor its socket file, which tmux leaves behind: " + socketFile);
    assertEquals(operatorText, Files.readString(operatorFleet), "the operator's registry is untouched");
  }

  @Test
  void keepLeavesTheSandboxWithItsRegistryAndStoppedProjects() throws Exception {
    Path operatorFleet = tmp.resolve("fleet.toml");
    Files.writeString(operatorFleet, "");
    Path sandbox = Files.createDirectories(tmp.resolve("kept"));

    PoRun r = PoRun.withEnv(env(operatorFleet),
        "demo", "--keep", "--dir", sandbox.toString(), "--engine", EngineHarness.engineDir().toString());

    assertEquals(0, r.code(), r.out() + r.err());
    Fleet fleet = Registry.at(sandbox.resolve("fleet.toml")).read();
    assertEquals(3, fleet.projects().size());
    assertEquals("v0.2.0", fleet.requireProject("beta").ref());
    assertEquals("v0.1.0", fleet.requireProject("alpha").ref());
    for (var p : fleet.projects()) {
      assertEquals(HarnessState.STOPPED, HarnessStates.of(fleet.pathOf(p)), p.name());
    }
    assertTrue(Registry.at(sandbox.resolve("fleet.toml")).validate().isEmpty());
  }

  @Test
  void refusesAFolderThatIsNotEmpty() throws Exception {
    Path used = Files.createDirectories(tmp.resolve("used"));
    Files.writeString(used.resolve("precious.txt"), "keep me");
    PoRun r = PoRun.withEnv(env(tmp.resolve("fleet.toml")), "demo", "--dir", used.toString());
    assertEquals(1, r.code());
    assertEquals("po: demo folder " + used + " is not empty; name a new or empty one\n", r.err());
    assertEquals("keep me", Files.readString(used.resolve("precious.txt")));
  }

  @Test
  void saysWhatIsMissingWithoutTmux() throws Exception {
    Map<String, String> env = env(tmp.resolve("fleet.toml"));
    env.put("PATH", Files.createDirectories(tmp.resolve("empty-bin")).toString());
    PoRun r = PoRun.withEnv(env, "demo", "--dir", tmp.resolve("d").toString());
    assertEquals(1, r.code());
    assertEquals("po: the demo needs tmux on PATH (on Debian: apt-get install -y tmux)\n", r.err());
    assertFalse(Files.exists(tmp.resolve("d")));
  }
}
