package dev.po.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Run once at build time under {@code -XX:ArchiveClassesAtExit}: the commands an operator runs
 * most, in one JVM, so that the class-data archive the {@code po} launcher maps holds what they
 * load. Not a command of its own; it works in a temp folder it removes.
 */
final class ClassDataTraining {
  private ClassDataTraining() {}

  /** {@code ClassDataTraining ENGINE_DIR}: publishes the harness, creates a project, reads the fleet. */
  public static void main(String[] args) throws IOException {
    Path engine = Path.of(args[0]).toAbsolutePath();
    Path tmp = Files.createTempDirectory("po-training-");
    try (PrintWriter quiet = new PrintWriter(Writer.nullWriter())) {
      Path fleet = tmp.resolve("fleet.toml");
      Files.writeString(fleet, "[defaults]\nprojects_dir = \"projects\"\nharness = \"h\"\n\n"
          + "[harnesses.h]\nurl = \"h.git\"\n");
      String f = fleet.toString();
      String[][] commands = {
        {"harness", "publish", "--engine", engine.toString(), "--to", tmp.resolve("h.git").toString(), "--tag", "v0.1.0"},
        {"create", "trained", "--ref", "v0.1.0", "--register", "--fleet", f},
        {"fleet", "status", "--json", "--fleet", f},
        {"fleet", "status", "--fleet", f},
        {"fleet", "list", "--fleet", f},
        {"fleet", "validate", "--fleet", f},
        {"fleet", "disable", "trained", "--fleet", f},
        {"start", "--all", "--fleet", f},
        {"fleet", "get", "nobody", "--fleet", f},
      };
      for (String[] command : commands) {
        Main.inProcess(Map.of(), quiet, command);
      }
    } finally {
      try (Stream<Path> all = Files.walk(tmp)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
