package dev.po.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code po} command the README and the runbooks show exists: its words name real
 * subcommands, its {@code --options} are that command's, and {@code --help} on it succeeds. Every
 * {@code po-scripts/NAME} they show is an executable launcher.
 */
class DocumentedCommandsTest {
  // "po ..." or "java -jar po-cli/target/po.jar ..." at a word boundary, up to the end of the
  // command: a backtick, a pipe of a table, a comment, or the end of the line.
  private static final Pattern PO =
      Pattern.compile("(?:^|[\\s`(])(?:po|java -jar \\S*po\\.jar)((?: +[^\\s`|#;&)]+)+)");
  private static final Pattern SCRIPT = Pattern.compile("po-scripts/([a-z-]+)(?![a-z./-])");

  static Path repo() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))) {
        return p;
      }
    }
    throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
  }

  static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(repo().resolve("README.md"));
    try (Stream<Path> s = Files.list(repo().resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  record Shown(Path doc, int line, List<String> words) {
    @Override
    public String toString() {
      return repo().relativize(doc) + ":" + line + ": po " + String.join(" ", words);
    }
  }

  static List<Shown> poCommands() throws IOException {
    List<Shown> shown = new ArrayList<>();
    for (Path doc : documents()) {
      List<String> lines = Files.readAllLines(doc);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = PO.matcher(lines.get(i));
        while (m.find()) {
          List<String> words = new ArrayList<>(List.of(m.group(1).trim().split(" +")));
          // Only what starts with a known command word: prose like "po manages ..." is not a command.
          if (!words.isEmpty() && Main.commandLine(Map.of()).getSubcommands().containsKey(words.get(0))) {
            shown.add(new Shown(doc, i + 1, words));
          }
        }
      }
    }
    return shown;
  }

  @Test
  void everyDocumentedPoCommandExistsWithItsOptions() throws IOException {
    List<Shown> shown = poCommands();
    assertTrue(shown.size() >= 20, "the docs show po commands, found only " + shown);
    List<String> wrong = new ArrayList<>();
    for (Shown s : shown) {
      CommandLine cmd = Main.commandLine(Map.of());
      List<String> path = new ArrayList<>();
      for (String w : s.words()) {
        CommandLine sub = cmd.getSubcommands().get(w);
        if (sub == null) {
          if (!cmd.getSubcommands().isEmpty() && !w.startsWith("-") && cmd.getCommandSpec().positionalParameters().isEmpty()) {
            wrong.add(s + ": '" + w + "' is not a subcommand of po " + String.join(" ", path));
          }
          break;
        }
        cmd = sub;
        path.add(w);
      }
      for (String w : s.words()) {
        if (w.startsWith("--")) {
          String option = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
          if (cmd.getCommandSpec().findOption(option) == null) {
            wrong.add(s + ": po " + String.join(" ", path) + " has no option " + option);
          }
        }
      }
      List<String> help = new ArrayList<>(path);
      help.add("--help");
      PoRun r = PoRun.po(help.toArray(String[]::new));
      if (r.code() != 0) {
        wrong.add(s + ": po " + String.join(" ", help) + " exited " + r.code() + ": " + r.err());
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyDocumentedScriptIsAnExecutableLauncherWithItsJshellScript() throws IOException {
    List<String> wrong = new ArrayList<>();
    int seen = 0;
    for (Path doc : documents()) {
      Matcher m = SCRIPT.matcher(Files.readString(doc));
      while (m.find()) {
        seen++;
        Path launcher = repo().resolve("po-scripts").resolve(m.group(1));
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(repo().resolve("po-scripts").resolve(m.group(1) + ".jsh"))) {
          wrong.add(repo().relativize(doc) + ": po-scripts/" + m.group(1) + " is not a launcher beside its .jsh");
        }
      }
    }
    assertTrue(seen >= 5, "the docs show the scripts");
    assertEquals(List.of(), wrong);
  }
}
