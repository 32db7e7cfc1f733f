package dev.po.cli.fleet;

import dev.po.PoException;
import dev.po.cli.FleetFile;
import dev.po.fleet.Fleet;
import dev.po.fleet.ProjectEntry;
import dev.po.fleet.Registry;
import dev.po.git.EngineReader;
import dev.po.git.Inspection;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = {
      "Record an existing project folder in the registry. Nothing on disk is touched.",
      "",
      "DIR must exist and be a git repository; po fleet validate then checks its engine pin.",
      "",
      "DIR is resolved against the current directory, then stored relative to the registry's"
          + " folder when it lies inside it, else as an absolute path. A DIR written as ~/... is"
          + " stored as written.",
      ""
    })
final class RegisterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FleetFile fleet;

  @Parameters(paramLabel = "NAME", description = "The project name.")
  String name;

  @Option(names = "--location", paramLabel = "DIR", required = true, description = "The project folder.")
  String location;

  @Option(names = "--ref", paramLabel = "REF", required = true, description = "The engine ref to pin (tag, branch or commit).")
  String ref;

  @Option(names = "--harness", paramLabel = "H", description = "The harness (default: the registry's default).")
  String harness;

  @Option(names = "--disabled", description = "Register it disabled (start --all skips it).")
  boolean disabled;

  @Override
  public Integer call() {
    Registry registry = fleet.po().registry();
    Fleet written =
        registry.edit(
            f -> {
              if (f.project(name).isPresent()) {
                throw new PoException(
                    "project '" + name + "' is already registered in " + registry.file());
              }
              ProjectEntry entry = new ProjectEntry(name, stored(f.folder(), location), harness, ref, !disabled);
              // an undeclared harness is left to the registry's own check, with its position
              if (f.harnessOf(entry).isPresent()) {
                refuseUnsound(f.pathOf(entry));
              }
              return f.withProject(entry);
            });
    ProjectEntry p = written.requireProject(name);
    spec.commandLine()
        .getOut()
        .println(
            "registered " + p.name() + " at " + p.location() + " (ref " + p.ref()
                + (p.enabled() ? "" : ", disabled") + ")");
    return 0;
  }

  /**
   * Refuses a folder that is missing or not a git repository, as the runbook requires of an
   * existing project; a missing engine submodule or drift is left to {@code validate}, which says
   * how to fix it.
   */
  private static void refuseUnsound(Path root) {
    Inspection found = new EngineReader().inspect(root);
    if (found.kind() == Inspection.Kind.MISSING || found.kind() == Inspection.Kind.NOT_A_REPOSITORY) {
      throw new PoException("cannot register: " + found.problem() + " (register an existing project; po create makes a new one)");
    }
  }

  /**
   * How {@code dir} is written into the registry: {@code ~/...} as written; else resolved against
   * the current directory, relative to {@code fleetFolder} when inside it, else absolute.
   */
  static String stored(Path fleetFolder, String dir) {
    if (dir.equals("~") || dir.startsWith("~/")) {
      return dir;
    }
    Path abs = Path.of(dir).toAbsolutePath().normalize();
    Path folder = fleetFolder.toAbsolutePath().normalize();
    if (abs.startsWith(folder)) {
      String rel = folder.relativize(abs).toString();
      return rel.isEmpty() ? "." : rel;
    }
    return abs.toString();
  }
}
