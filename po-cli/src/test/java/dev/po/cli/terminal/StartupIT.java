package dev.po.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.testing.TempFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The boot unit names the po that wrote it: the launcher, or java -jar of the jar. */
class StartupIT {
  @TempDir Path tmp;

  private static String run(Path dir, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().remove("PO_FLEET");
    pb.environment().remove("PO_LAUNCHER");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not finish: " + String.join(" ", cmd));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void throughTheLauncherTheUnitRunsTheLauncher() throws Exception {
    TempFleet.create(tmp);
    String unit = run(tmp, Screen.po().toString(), "startup", "systemd");
    assertTrue(unit.contains("\nExecStart=\"" + Screen.po().toRealPath() + "\" \"start\" \"--all\""), unit);
    assertTrue(unit.contains("\nEnvironment=\"PO_FLEET=" + tmp.resolve("fleet.toml").toRealPath() + "\"\n"), unit);
    verify(unit);
  }

  @Test
  void throughJavaJarTheUnitRunsThisJavaOnThisJar() throws Exception {
    TempFleet fleet = TempFleet.create(tmp);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path jar = Path.of(System.getProperty("po.jar", "target/po.jar")).toAbsolutePath();
    String unit = run(tmp, java.toString(), "-jar", jar.toString(), "startup", "systemd", "--fleet", fleet.file().toString());
    assertTrue(unit.contains("\nExecStop=\"" + java + "\" \"-jar\" \"" + jar + "\" \"stop\" \"--all\""), unit);
    verify(unit);
  }

  private void verify(String unit) throws IOException, InterruptedException {
    Path file = Files.writeString(tmp.resolve("po-fleet.service"), unit);
    List<String> cmd = new ArrayList<>(List.of("systemd-analyze", "verify", "--man=no", file.toString()));
    assertEquals("", run(tmp, cmd.toArray(String[]::new)).strip());
  }
}
