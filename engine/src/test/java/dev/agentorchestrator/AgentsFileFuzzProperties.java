package dev.agentorchestrator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A valid agents.toml damaged at random (bytes dropped, duplicated, swapped, the file cut short):
 * reading it either gives agents or fails with {@link HarnessException} whose every line is
 * {@code agents.toml:LINE:COL: message}, never another exception, and the file is never written.
 */
class AgentsFileFuzzProperties {
  static final String VALID = """
      # the agents of this project
      [agents.orchestrator]
      prompt = "prompts/orchestrator.md"

      [agents.worker]
      prompt = "prompts/orchestrator.md"
      command = ["sleep", "100"]   # a stand-in
      watch = "off"
      """;

  private static final Pattern POSITIONED = Pattern.compile("agents\\.toml:\\d+:\\d+: \\S.*");

  private static Path root;

  @BeforeContainer
  static void makeRoot() throws IOException {
    root = Files.createTempDirectory("agents-fuzz");
    Files.createDirectories(root.resolve("prompts"));
    Files.writeString(root.resolve("prompts/orchestrator.md"), "role\n");
  }

  @AfterContainer
  static void removeRoot() throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** One damage: kind 0 drops, 1 duplicates, 2 swaps with the next byte, 3 truncates. */
  record Damage(int kind, int at) {
    byte[] apply(byte[] b) {
      if (b.length == 0) {
        return b;
      }
      int i = Math.floorMod(at, b.length);
      return switch (kind) {
        case 0 -> concat(Arrays.copyOfRange(b, 0, i), Arrays.copyOfRange(b, i + 1, b.length));
        case 1 -> concat(Arrays.copyOfRange(b, 0, i + 1), Arrays.copyOfRange(b, i, b.length));
        case 2 -> {
          byte[] c = b.clone();
          int j = Math.min(i + 1, b.length - 1);
          c[i] = b[j];
          c[j] = b[i];
          yield c;
        }
        default -> Arrays.copyOfRange(b, 0, i);
      };
    }
  }

  @Provide
  Arbitrary<List<Damage>> damages() {
    Arbitrary<Damage> one = Arbitraries.integers().between(0, 3)
        .flatMap(k -> Arbitraries.integers().between(0, 10_000).map(at -> new Damage(k, at)));
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 400)
  void damagedTextIsReadOrRefusedInPositionedLinesAndNeverWritten(@ForAll("damages") List<Damage> damages)
      throws IOException {
    byte[] bytes = VALID.getBytes(StandardCharsets.UTF_8);
    for (Damage d : damages) {
      bytes = d.apply(bytes);
    }
    Path file = Files.write(root.resolve(AgentsFile.NAME), bytes);
    try {
      AgentsFile.read(root);
    } catch (HarnessException e) {
      for (String line : e.getMessage().split(System.lineSeparator(), -1)) {
        assertTrue(POSITIONED.matcher(line).matches() || line.startsWith("agents.toml: cannot read: "),
            () -> "not agents.toml:LINE:COL: message: " + line);
      }
    }
    assertArrayEquals(bytes, Files.readAllBytes(file), "agents.toml was written");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
