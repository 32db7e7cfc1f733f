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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code po completion bash} loaded into a real bash, completing as bash does on TAB: the
 * completion function called with the words typed so far, the po on PATH asked for names. {@code
 * po completion zsh} in a real interactive zsh in a terminal, with keys typed and the screen read.
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
    pb.environment().put("PATH", bin() + ":" + System.getenv("PATH"));
    pb.environment().put("HOME", tmp.toString());
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

  /** A folder holding only {@code po}, the launcher, for the front of PATH. */
  private Path bin() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    if (!Files.exists(bin.resolve("po"))) {
      Files.createSymbolicLink(bin.resolve("po"), Screen.po());
    }
    return bin;
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
    // a ~/ on the line is not expanded yet when TAB is pressed (HOME is tmp here)
    assertEquals("alpha alps beta gamma", complete(bash, null, "po", "--fleet", "~/fleet.toml", "stop", ""));
    assertEquals("", complete(bash, null, "po", "--fleet", "~/missing.toml", "stop", ""));
    // commands and options come from picocli's part of the script
    assertEquals("start startup", complete(bash, f, "po", "star"));
    assertEquals("--all", complete(bash, f, "po", "stop", "--a"));
    // no registry: nothing offered, nothing printed into the command line
    assertEquals("", complete(bash, tmp.resolve("missing.toml").toString(), "po", "start", ""));
  }

  /**
   * zsh as an operator runs it: the script installed as docs/manage-projects.md says (written to
   * ~/.po-completion.zsh, sourced from ~/.zshrc), an interactive zsh in a real terminal, keys typed
   * and the screen read. With and without a compinit of the operator's own before the script.
   */
  @ParameterizedTest(name = "compinit in .zshrc before the script: {0}")
  @ValueSource(booleans = {false, true})
  void zshCompletesCommandsAndNamesOnTab(boolean ownCompinit) throws Exception {
    TempFleet fleet = TempFleet.create(tmp);
    fleet.register("alpha", "projects/alpha", "v0.1.0");
    fleet.register("alps", "projects/alps", "v0.1.0");
    fleet.register("beta", "projects/beta", "v0.1.0");
    Path home = Files.createDirectories(tmp.resolve("home"));
    TempFleet.create(home, fleet.harness()).register("gamma", "projects/gamma", "v0.1.0");
    Files.writeString(home.resolve(".zshrc"),
        "PS1='zsh> '\nbindkey -e\n" + (ownCompinit ? "autoload -U compinit && compinit\n" : ""));
    install(home, """
        po completion zsh > ~/.po-completion.zsh
        echo 'source ~/.po-completion.zsh' >> ~/.zshrc
        """);

    try (Screen screen = new Screen(tmp)) {
      screen.open("zsh", "env -u ZDOTDIR HOME='" + home + "' PATH='" + bin() + ":" + System.getenv("PATH") + "' zsh -i");
      screen.await("zsh", line("zsh> "));
      // commands: the common part of start and startup first, then both on a second TAB
      screen.type("zsh", "po sta", "Tab");
      screen.await("zsh", line("zsh> po start"));
      screen.type("zsh", "Tab");
      screen.await("zsh", line("start +startup"));
      // names from ./fleet.toml, none typed yet: all of them, listed at once
      again(screen, "po start ", "Tab");
      screen.await("zsh", line("alpha +alps +beta"));
      // --fleet before the command, with a ~ the shell expands only on Enter
      again(screen, "po --fleet ~/fleet.toml stop g", "Tab");
      screen.await("zsh", line("zsh> po --fleet ~/fleet.toml stop gamma"));
      // registered after zsh started: the registry is read when TAB is pressed
      fleet.register("delta", "projects/delta", "v0.1.0");
      again(screen, "po update d", "Tab");
      screen.await("zsh", line("zsh> po update delta"));
    }
  }

  /** Runs {@code commands} (bash) with {@code home} as HOME and po on PATH, as an operator would. */
  private void install(Path home, String commands) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", commands).redirectErrorStream(true);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("PATH", bin() + ":" + System.getenv("PATH"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the install did not finish");
    assertEquals(0, p.exitValue(), out);
  }

  /** A fresh command line (the last one and what it listed cleared away) with {@code keys} typed. */
  private static void again(Screen screen, String... keys) throws IOException, InterruptedException {
    screen.type("zsh", "C-u", "C-l");
    screen.await("zsh", line("zsh> "));
    screen.type("zsh", keys);
  }

  /** A screen line that is {@code regex}, give or take trailing blanks (tmux drops them). */
  private static Pattern line(String regex) {
    return Pattern.compile(regex.stripTrailing() + " *");
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
