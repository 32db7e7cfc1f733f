package dev.po.cli.fleet;

import dev.po.cli.FleetFile;
import dev.po.fleet.ProjectEntry;
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
          + " stored as written. With --host, DIR is a path on that host (absolute or ~/...,"
          + " the host's home) and is stored as written; nothing on the host is touched either.",
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

  @Option(names = "--host", paramLabel = "H", description = "The [hosts.H] the project lives on (default: this machine).")
  String host;

  @Option(names = "--disabled", description = "Register it disabled (start --all skips it).")
  boolean disabled;

  @Override
  public Integer call() {
    ProjectEntry p = fleet.po().register(name).setLocation(host == null ? fromHere(location) : location).setRef(ref)
        .setHarness(harness).setHost(host).setEnabled(!disabled).call();
    spec.commandLine()
        .getOut()
        .println(
            "registered " + p.name() + " at " + (p.host() == null ? "" : p.host() + ":") + p.location() + " (ref " + p.ref()
                + (p.enabled() ? "" : ", disabled") + ")");
    return 0;
  }

  /** {@code ~/...} as written (po-core records it so); any other DIR is the operator's, from the current directory. */
  static String fromHere(String dir) {
    if (dir.equals("~") || dir.startsWith("~/")) {
      return dir;
    }
    return Path.of(dir).toAbsolutePath().normalize().toString();
  }
}
