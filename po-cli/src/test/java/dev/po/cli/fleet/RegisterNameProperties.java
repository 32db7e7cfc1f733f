package dev.po.cli.fleet;

import static dev.po.cli.PoRun.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.cli.PoRun;
import dev.po.fleet.Names;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Whatever NAME an operator types, {@code po fleet register} either registers it (a valid name)
 * or refuses in one line with exit 1; never a usage error, an internal error or a changed file.
 */
class RegisterNameProperties {
  static final String FLEET =
      "# names\n[defaults]\nharness = \"h\"\n\n[harnesses.h]\nurl = \"harness.git\"\n";

  Path dir;

  @BeforeProperty
  void folder() throws IOException {
    dir = Files.createTempDirectory("po-names");
    dev.po.testing.ProjectRepo.createWithoutEngine(dir.resolve("p"));
  }

  @AfterProperty
  void clean() throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 150)
  void validNamesRegisterAndOthersAreRefusedInOneLine(@ForAll("names") String name) throws IOException {
    Path file = dir.resolve("fleet.toml");
    Files.writeString(file, FLEET);
    PoRun r = on(file, "fleet", "register", name, "--location", dir.resolve("p").toString(), "--ref", "v1");
    if (Names.isValid(name)) {
      assertEquals(0, r.code(), r::toString);
      assertTrue(Files.readString(file).contains("[projects." + name + "]"), r::toString);
    } else {
      assertEquals(1, r.code(), r::toString);
      assertEquals(1, r.errLines().size(), r::toString);
      assertTrue(r.err().startsWith("po: invalid project name"), r::toString);
      assertEquals(FLEET, Files.readString(file));
    }
  }

  @Provide
  Arbitrary<String> names() {
    // mostly near-valid names, some with what must be refused; never a leading '-' (an option)
    Arbitrary<String> near = Arbitraries.strings().withChars("abcxyz019_-").ofMinLength(1).ofMaxLength(70);
    Arbitrary<String> odd =
        Arbitraries.strings().withChars("aZ9 ._-@/\\\"'[]=#é\t").ofMinLength(0).ofMaxLength(12);
    return Arbitraries.oneOf(near, near, odd).filter(s -> !s.startsWith("-"));
  }
}
