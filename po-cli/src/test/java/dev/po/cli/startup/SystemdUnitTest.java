package dev.po.cli.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.cli.PoRun;
import dev.po.testing.TempFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code po startup systemd}: a unit that systemd accepts, for this registry and this po. */
class SystemdUnitTest {
  @TempDir Path tmp;

  /** A po launcher where the unit will look for it (systemd-analyze checks that it can run it). */
  private Path launcher(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path po = dir.resolve("po");
    Files.writeString(po, "#!/bin/sh\necho \"$@\" >> \"$(dirname \"$0\")/ran\"\n");
    Files.setPosixFilePermissions(po, PosixFilePermissions.fromString("rwxr-xr-x"));
    return po;
  }

  private static String verify(Path unit) throws IOException, InterruptedException {
    Process p;
    try {
      // --man=no: the Documentation= page is installed by the operator, not in a test
      p = new ProcessBuilder("systemd-analyze", "verify", "--man=no", unit.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("systemd-analyze is needed (Debian: apt-get install systemd): " + e.getMessage(), e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "systemd-analyze hangs");
    return p.exitValue() == 0 ? "" : "exit " + p.exitValue() + ": " + out;
  }

  @Test
  void theUnitStartsAndStopsAllForThisRegistryAndVerifies() throws Exception {
    // Quotes, %, $ and spaces in the paths: the unit must keep each one literal.
    Path home = Files.createDirectories(tmp.resolve("a b%c$d"));
    TempFleet fleet = TempFleet.create(home);
    Path po = launcher(home.resolve("bin dir"));
    Map<String, String> env = Map.of("PO_LAUNCHER", po.toString(), "PATH", "/usr/bin:/bin", "AO_TMUX_SOCKET", "my-fleet");
    PoRun r = PoRun.withEnv(env, "startup", "systemd", "--fleet", fleet.file().toString());
    assertEquals(0, r.code(), r::toString);
    List<String> lines = r.outLines();
    String q = "\"" + po.toString().replace("%", "%%") + "\"";
    assertTrue(lines.contains("ExecStart=" + q + " \"start\" \"--all\" \"--no-color\""), r::toString);
    assertTrue(lines.contains("ExecStop=" + q + " \"stop\" \"--all\" \"--no-color\""), r::toString);
    assertTrue(lines.contains("Environment=\"PO_FLEET=" + fleet.file().toString().replace("%", "%%") + "\""), r::toString);
    assertTrue(lines.contains("Environment=\"AO_TMUX_SOCKET=my-fleet\""), r::toString);
    assertTrue(lines.contains("Environment=\"PATH=/usr/bin:/bin\""), r::toString);
    assertTrue(lines.contains("WantedBy=default.target"), r::toString);
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("OnCalendar") || l.startsWith("Restart=")), r::toString);
    Path unit = Files.writeString(tmp.resolve("po-fleet.service"), r.out());
    assertEquals("", verify(unit));
  }

  @Test
  void aBrokenUnitFailsVerification() throws Exception {
    // The check above is only worth something if systemd-analyze refuses a bad unit.
    TempFleet fleet = TempFleet.create(tmp);
    PoRun r = PoRun.withEnv(Map.of("PO_LAUNCHER", tmp.resolve("no-such-po").toString()),
        "startup", "systemd", "--fleet", fleet.file().toString());
    assertEquals(0, r.code(), r::toString);
    Path unit = Files.writeString(tmp.resolve("po-fleet.service"), r.out());
    assertTrue(verify(unit).contains("no-such-po"), "systemd-analyze accepted a missing ExecStart program");
  }

  @Test
  void installWritesTheUnitAndPrintsTheCommandsToEnableIt() throws Exception {
    TempFleet fleet = TempFleet.create(tmp);
    Path po = launcher(tmp.resolve("bin"));
    Map<String, String> env = Map.of("PO_LAUNCHER", po.toString(), "HOME", tmp.resolve("home").toString(), "USER", "ops");
    PoRun printed = PoRun.withEnv(env, "startup", "systemd", "--fleet", fleet.file().toString());
    PoRun r = PoRun.withEnv(env, "--fleet", fleet.file().toString(), "startup", "systemd", "--install");
    assertEquals(0, r.code(), r::toString);
    Path unit = tmp.resolve("home/.config/systemd/user/po-fleet.service");
    assertEquals(printed.out(), Files.readString(unit));
    assertEquals(
        List.of("wrote " + unit, "enable it, and let it run at boot without a login:",
            "  systemctl --user daemon-reload", "  systemctl --user enable po-fleet.service",
            "  loginctl enable-linger ops"),
        r.outLines());
    assertEquals("", verify(unit));

    PoRun named = PoRun.withEnv(Map.of("PO_LAUNCHER", po.toString(), "XDG_CONFIG_HOME", tmp.resolve("cfg").toString()),
        "startup", "systemd", "--install", "--unit", "fleet-b", "--fleet", fleet.file().toString());
    assertEquals(0, named.code(), named::toString);
    assertTrue(Files.isRegularFile(tmp.resolve("cfg/systemd/user/fleet-b.service")), named::toString);
  }

  @Test
  void aMissingRegistryOrABadUnitNameIsRefusedInOneLine() throws Exception {
    Map<String, String> env = Map.of("PO_LAUNCHER", launcher(tmp.resolve("bin")).toString(), "HOME", tmp.toString());
    PoRun missing = PoRun.withEnv(env, "startup", "systemd", "--install", "--fleet", tmp.resolve("nope.toml").toString());
    assertEquals(1, missing.code(), missing::toString);
    assertEquals(1, missing.errLines().size(), missing::toString);
    assertTrue(Files.notExists(tmp.resolve(".config")), "a unit was written for a missing registry");
    TempFleet fleet = TempFleet.create(tmp);
    PoRun bad = PoRun.withEnv(env, "startup", "systemd", "--unit", "x/y", "--fleet", fleet.file().toString());
    assertEquals(1, bad.code(), bad::toString);
    assertTrue(bad.err().startsWith("po: invalid unit name 'x/y'"), bad::toString);
  }
}
