package dev.po.cli.fleet;

import dev.po.cli.FleetFile;
import dev.po.cli.ProjectNames;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "disable",
    mixinStandardHelpOptions = true,
    description = "Mark a project disabled: start --all skips it. Nothing is started or stopped.")
final class DisableCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FleetFile fleet;

  @Parameters(paramLabel = "NAME", description = "The project name.", completionCandidates = ProjectNames.class)
  String name;

  @Override
  public Integer call() {
    fleet.po().registry().edit(f -> f.withEnabled(name, false));
    spec.commandLine().getOut().println(name + ": disabled");
    return 0;
  }
}
