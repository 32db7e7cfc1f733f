package dev.po;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * po-core as a module: what it exports is its API, and it resolves and works on the module path
 * with its dependencies alone (the tests themselves run patched into it, which proves neither).
 */
class ModuleTest {
  @TempDir Path tmp;

  /** The compiled classes of po-core, where its module-info.class is. */
  private static Path classes() {
    return Path.of(Po.class.getProtectionDomain().getCodeSource().getLocation().getPath());
  }

  @Test
  void exportsExactlyTheFourApiPackages() throws Exception {
    ModuleDescriptor d;
    try (var in = Files.newInputStream(classes().resolve("module-info.class"))) {
      d = ModuleDescriptor.read(in);
    }
    assertEquals("dev.po.core", d.name());
    Set<String> exported = d.exports().stream()
        .peek(e -> assertFalse(e.isQualified(), e::toString))
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toSet());
    assertEquals(Set.of("dev.po", "dev.po.fleet", "dev.po.project", "dev.po.harness"), exported);
  }

  @Test
  void resolvesOnTheModulePathAndHidesItsInternals() throws Exception {
    // a separate JVM: this one has po-core's module already, with the tests patched into it
    String all = System.getProperty("jdk.module.path", "") + File.pathSeparator + System.getProperty("java.class.path", "");
    String modulePath = Arrays.stream(all.split(File.pathSeparator))
        .filter(p -> !p.isEmpty() && !p.contains("junit") && !p.contains("jqwik") && !p.contains("opentest4j")
            && !p.contains("apiguardian") && !p.contains("surefire"))
        .map(p -> p.endsWith("test-classes") ? classes().toString() : p)
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
    Path fleet = tmp.resolve("fleet.toml");
    Files.writeString(fleet, "[harnesses.ao]\nurl = 'ao.git'\n[projects.a]\nlocation = 'a'\nharness = 'ao'\nref = 'v1'\n");
    Path caller = tmp.resolve("Caller.java");
    Files.writeString(caller, """
        public class Caller {
          public static void main(String[] args) throws Exception {
            var fleet = dev.po.fleet.Registry.at(java.nio.file.Path.of(args[0])).read();
            Module core = dev.po.Po.class.getModule();
            System.out.println(core.getName() + " " + fleet.projects().get(0).name()
                + " git exported=" + core.isExported("dev.po.git") + " process exported=" + core.isExported("dev.po.process"));
          }
        }
        """);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // tomlj and JGit are automatic modules that declare nothing of their own dependencies
    // (ANTLR, JavaEWAH): ALL-MODULE-PATH resolves them, as the README tells embedders
    Process p = new ProcessBuilder(java.toString(), "-p", modulePath, "--add-modules", "ALL-MODULE-PATH",
            caller.toString(), fleet.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    assertEquals("dev.po.core a git exported=false process exported=false\n", out);
  }
}
