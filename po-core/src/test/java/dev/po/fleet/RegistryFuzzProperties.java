package dev.po.fleet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.PoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
 * A valid fleet.toml damaged at random, as a bad copy, a stray keystroke or a truncated write
 * would damage it: bytes dropped, duplicated, swapped, or the file cut short. Reading, validating
 * and trying to edit it either succeed or fail with one-line messages positioned in the file,
 * never a stack trace or any other exception, and never write to it.
 */
class RegistryFuzzProperties {
  static final String VALID = """
      # the fleet
      [defaults]
      projects_dir = "projects"   # beside this file
      harness = "ao"

      [harnesses.ao]
      url = "harness/ao.git"
      launcher = ["engine/agents"]

      [projects.alpha]
      location = "projects/alpha"
      ref = "v0.1.0"

      [projects.beta]
      location = '/srv/beta'
      harness = "ao"
      ref = "main"
      enabled = false
      """;

  private static Path dir;

  @BeforeContainer
  static void makeDir() throws IOException {
    dir = Files.createTempDirectory("registry-fuzz");
  }

  @AfterContainer
  static void removeDir() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
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
        case 0 -> concat(slice(b, 0, i), slice(b, i + 1, b.length));
        case 1 -> concat(slice(b, 0, i + 1), slice(b, i, b.length));
        case 2 -> {
          byte[] c = b.clone();
          int j = Math.min(i + 1, b.length - 1);
          c[i] = b[j];
          c[j] = b[i];
          yield c;
        }
        default -> slice(b, 0, i);
      };
    }
  }

  @Provide
  Arbitrary<List<Damage>> damages() {
    Arbitrary<Damage> one = Arbitraries.integers().between(0, 3)
        .flatMap(k -> Arbitraries.integers().between(0, 10_000).map(at -> new Damage(k, at)));
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  private static final Pattern POSITIONED = Pattern.compile(Pattern.quote("fleet.toml") + ":\\d+:\\d+: [^\\n]+");

  @Property(tries = 400)
  void damagedTextIsReadOrRefusedInPositionedLinesAndNeverWritten(@ForAll("damages") List<Damage> damages)
      throws IOException {
    byte[] bytes = VALID.getBytes(StandardCharsets.UTF_8);
    for (Damage d : damages) {
      bytes = d.apply(bytes);
    }
    Path file = dir.resolve("fleet.toml");
    Files.write(file, bytes);
    FileTime written = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(file, written);
    Registry registry = Registry.at(file);
    boolean readable;
    try {
      registry.read();
      readable = true;
    } catch (RegistryException e) {
      readable = false;
      e.problems().forEach(RegistryFuzzProperties::assertOneLinePositioned);
    }
    registry.validate().forEach(p -> assertTrue(!p.toString().contains("\n"), p.toString()));
    if (!readable) {
      try {
        registry.edit(f -> f.withEnabled("alpha", true));
      } catch (RegistryException e) {
        e.problems().forEach(RegistryFuzzProperties::assertOneLinePositioned);
      } catch (PoException e) {
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
      }
      assertArrayEquals(bytes, Files.readAllBytes(file), "a damaged registry was written");
      assertEquals(written, Files.getLastModifiedTime(file), "a damaged registry was written");
    }
  }

  /** Positioned at a line, except for the few messages about the file as a whole. */
  private static void assertOneLinePositioned(Problem p) {
    String s = dir.relativize(p.file()).toString() + p.toString().substring(p.file().toString().length());
    assertTrue(!s.contains("\n") && !s.contains("\r"), "more than one line: " + s);
    if (p.line() == 0) {
      assertTrue(p.message().equals("not UTF-8 text"), "no position: " + s);
    } else {
      assertTrue(POSITIONED.matcher(s).matches(), "not FILE:LINE:COL: message: " + s);
    }
  }

  private static byte[] slice(byte[] b, int from, int to) {
    return java.util.Arrays.copyOfRange(b, Math.min(from, b.length), Math.min(to, b.length));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
