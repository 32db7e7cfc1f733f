package dev.po.project;

import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.fleet.Registry;
import dev.po.testing.TempFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status and validate start no process, not even the one JGit would start to find git's system
 * config: a {@code git} first on the PATH that records being run is never run.
 */
class NoChildProcessTest {
  @TempDir Path tmp;

  @Test
  void statusAndValidateRunNoGit() throws IOException, InterruptedException {
    TempFleet fleet = TempFleet.create(tmp.resolve("fleet"));
    Path alpha = fleet.addProject("alpha", "v0.1.0");
    // a clone without its submodule makes the harness URL be asked (ls-remote, in process)
    git(tmp, "clone", "-q", alpha.toString(), fleet.root().resolve("projects/copy").toString());
    fleet.register("copy", "projects/copy", "v0.2.0");
    Registry.at(fleet.file()).edit(f -> f.withRef("alpha", "v0.2.0"));

    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path marker = tmp.resolve("git-was-run");
    Path fake = bin.resolve("git");
    Files.writeString(fake, "#!/bin/sh\necho \"$@\" >> " + marker + "\nexit 1\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ReadOnlyMain.class.getName(), fleet.file().toString()).redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().remove("GIT_CONFIG_NOSYSTEM");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("alpha v0.1.0 drift=true"), out);
    assertTrue(out.contains("copy v0.1.0 drift=true"), out);
    assertTrue(out.contains(": engine pinned at "), out);
    assertFalse(Files.exists(marker), () -> "git was run: " + read(marker));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
