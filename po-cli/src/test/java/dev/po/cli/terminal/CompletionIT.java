package dev.po.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.testing.TempFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code po completion bash} loaded into a real bash, completing as bash does on TAB: the
 * completion function called with the words typed so far, the po on PATH asked for names.
 */
class CompletionIT {
  @TempDir Path tmp;

  /** What bash offers for the words typed ({@code ""} last: TAB after a space). */
  private String complete(Path script, String fleetEnv, String... words) throws IOException, InterruptedException {
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append(" '").append(w).append("'");
    }
    String program = "source '" + script + "' 2>/dev/null\n"
        + "COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1) + "\n"
        + "_complete_po 2>/dev/null\n"
        + "printf '%s\\n' \"${COMPREPLY[@]}\" | LC_ALL=C sort | tr '\\n' ' '\n";
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", program).directory(tmp.toFile()).redirectErrorStream(true);
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    if (!Files.exists(bin.resolve("po"))) {
      Files.createSymbolicLink(bin.resolve("po"), Screen.po());
    }
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().remove("PO_FLEET");
    if (fleetEnv != null) {
      pb.environment().put("PO_FLEET", fleetEnv);
    }
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bash did not finish");
    return out.strip();
  }

  private Path script(String shell) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(Screen.po().toString(), "completion", shell).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), text);
    return Files.writeString(tmp.resolve("po." + shell), text);
  }

  @Test
  void namesCompleteFromTheRegistryAsItIsWhenTabIsPressed() throws Exception {
    TempFleet fleet = TempFleet.create(tmp);
    fleet.register("alpha", "projects/alpha", "v0.1.0");
    fleet.register("alps", "projects/alps", "v0.1.0");
    fleet.register("beta", "projects/beta", "v0.1.0");
    Path bash = script("bash");
    String f = fleet.file().toString();
    assertEquals("alpha alps", complete(bash, null, "po", "start", "--fleet", f, "al"));
    assertEquals("alpha alps", complete(bash, null, "po", "--fleet", f, "stop", "al"));
    assertEquals("alpha alps beta", complete(bash, f, "po", "fleet", "status", ""));
    assertEquals("beta", complete(bash, f, "po", "update", "b"));
    assertEquals("alpha", complete(bash, f, "po", "fleet", "disable", "alph"));
    // registered after the script was made: still offered
    fleet.register("gamma", "projects/gamma", "v0.1.0");
    assertEquals("gamma", complete(bash, f, "po", "start", "g"));
    // commands and options come from picocli's part of the script
    assertEquals("start startup", complete(bash, f, "po", "star"));
    assertEquals("--all", complete(bash, f, "po", "stop", "--a"));
    // no registry: nothing offered, nothing printed into the command line
    assertEquals("", complete(bash, tmp.resolve("missing.toml").toString(), "po", "start", ""));
  }

  @Test
  void theZshScriptIsTheBashOneForBashcompinit() throws Exception {
    String bash = Files.readString(script("bash"));
    List<String> zsh = Files.readAllLines(script("zsh"));
    assertTrue(zsh.get(0).startsWith("# po completion for zsh"), zsh.get(0));
    assertEquals(bash, String.join("\n", zsh.subList(1, zsh.size())) + "\n");
    assertTrue(bash.contains("bashcompinit"), "picocli's script no longer sets up zsh");
  }
}
