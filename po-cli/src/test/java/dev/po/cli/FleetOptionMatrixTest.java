package dev.po.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command that reads the registry, named each documented way: {@code --fleet FILE} before
 * the command words, after them, {@code $PO_FLEET}, and {@code ./fleet.toml} in the current
 * folder. Each run gets its own registry in its own folder, with no {@code ./fleet.toml} where
 * the test runs, so a command that read any other file would fail its check.
 */
class FleetOptionMatrixTest {
  private static final String FLEET = """
      [defaults]
      harness = "ao"

      [harnesses.ao]
      url = "probe-harness.git"

      [projects.probe]
      location = "probe-home"
      ref = "v1"

      [projects.off]
      location = "off-home"
      ref = "v1"
      enabled = false
      """;

  /** A command line, and what shows it read the registry in its folder. */
  record Case(String name, List<String> words, BiPredicate<Path, PoRun> readIt) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Stands for an existing git repository in the run's folder: register refuses anything else. */
  private static final String REPO = "@REPO@";

  static final List<Case> CASES = List.of(
      out("fleet list", "probe-home", "fleet", "list"),
      out("fleet get", "probe-home", "fleet", "get", "probe"),
      out("fleet status", "probe-home", "fleet", "status", "--json"),
      out("fleet validate", "probe-home", "fleet", "validate"),
      file("fleet register", t -> t.contains("[projects.extra]"), "fleet", "register", "extra", "--location", REPO, "--ref", "v1"),
      file("fleet unregister", t -> !t.contains("[projects.probe]"), "fleet", "unregister", "probe"),
      file("fleet enable", t -> !t.contains("enabled = false"), "fleet", "enable", "off"),
      file("fleet disable", t -> t.indexOf("enabled = false") != t.lastIndexOf("enabled = false"), "fleet", "disable", "probe"),
      out("create", "probe-harness.git", "create", "fresh", "--ref", "v1"),
      out("start", "probe-home", "start", "probe"),
      out("stop", "probe-home", "stop", "probe"),
      out("update", "probe-home", "update", "probe", "v2"),
      // found probe, so it read the registry, then refused: the test's stdin is not a terminal
      out("attach", "project probe: attach needs a terminal", "attach", "probe"),
      out("logs", "probe-home", "logs", "probe"),
      out("completion names", "probe", "completion", "names"));

  /**
   * Commands that never read a registry; and {@code startup systemd}, which refuses to run from a
   * class path (it must name the launcher or the jar in its unit) before it reads one, so it
   * cannot run here. It resolves the registry through the same {@link FleetFile}.
   */
  static final Set<String> NO_REGISTRY = Set.of("po harness publish", "po demo", "po startup systemd");

  enum Way { BEFORE, AFTER, ENV, CURRENT_FOLDER }

  @TempDir Path tmp;

  static Stream<Arguments> matrix() {
    return CASES.stream().flatMap(c -> Stream.of(Way.values()).map(w -> Arguments.of(c, w)));
  }

  @ParameterizedTest(name = "{0} with the registry named {1}")
  @MethodSource("matrix")
  void everyCommandReadsTheRegistryItIsGiven(Case row, Way way) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(row.name().replace(' ', '-') + "-" + way));
    Path file = Files.writeString(dir.resolve("fleet.toml"), FLEET);
    List<String> words = new ArrayList<>(row.words());
    if (words.contains(REPO)) {
      Path repo = Files.createDirectories(dir.resolve("existing"));
      Process init = new ProcessBuilder("git", "init", "-q", repo.toString()).inheritIO().start();
      assertEquals(0, init.waitFor(), "git init " + repo);
      words.replaceAll(w -> w.equals(REPO) ? repo.toString() : w);
    }
    Case c = new Case(row.name(), words, row.readIt());
    List<String> args = new ArrayList<>();
    PoRun r = switch (way) {
      case BEFORE -> {
        args.addAll(List.of("--fleet", file.toString()));
        args.addAll(c.words());
        yield PoRun.po(args.toArray(String[]::new));
      }
      case AFTER -> {
        args.addAll(c.words());
        args.addAll(List.of("--fleet", file.toString()));
        yield PoRun.po(args.toArray(String[]::new));
      }
      case ENV -> PoRun.withEnv(Map.of(FleetFile.ENV, file.toString()), c.words().toArray(String[]::new));
      case CURRENT_FOLDER -> inFolder(dir, c.words());
    };
    assertFalse(r.err().contains("no such file"), r::toString);
    assertTrue(c.readIt().test(file, r), () -> c.name() + " did not read " + file + "\n" + r);
  }

  @Test
  void betweenTheCommandWordsToo() throws IOException {
    Path file = Files.writeString(tmp.resolve("fleet.toml"), FLEET);
    PoRun r = PoRun.po("fleet", "--fleet", file.toString(), "get", "probe");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("probe-home"), r::toString);
  }

  @Test
  void theMatrixCoversEveryCommand() {
    Set<String> leaves = new TreeSet<>();
    leaves(Main.commandLine(Map.of()), leaves);
    leaves.removeAll(NO_REGISTRY);
    Set<String> covered = new TreeSet<>();
    CASES.forEach(c -> covered.add("po " + c.name()));
    assertEquals(leaves, covered, "a command that reads the registry needs its row in CASES");
  }

  private static void leaves(CommandLine cl, Set<String> into) {
    if (cl.getSubcommands().isEmpty()) {
      into.add(cl.getCommandSpec().qualifiedName());
    }
    cl.getSubcommands().values().forEach(sub -> leaves(sub, into));
  }

  private static Case out(String name, String token, String... words) {
    return new Case(name, List.of(words), (file, r) -> (r.out() + r.err()).contains(token));
  }

  private static Case file(String name, java.util.function.Predicate<String> after, String... words) {
    return new Case(name, List.of(words), (file, r) -> {
      try {
        return r.code() == 0 && after.test(Files.readString(file));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /** po run as a separate process in {@code dir}, since a JVM cannot change its own folder. */
  private static PoRun inFolder(Path dir, List<String> words) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(words);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().remove(FleetFile.ENV);
    Process p = pb.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "po " + words + " hung");
    return new PoRun(p.exitValue(), out.join(), err.join());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
