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
    name = "unregister",
    mixinStandardHelpOptions = true,
    description = "Remove a project from the registry. Its folder is left as it is.")
final class UnregisterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FleetFile fleet;

  @Parameters(paramLabel = "NAME", description = "The project name.", completionCandidates = ProjectNames.class)
  String name;

  @Override
  public Integer call() {
    fleet.po().registry().edit(f -> f.withoutProject(name));
    spec.commandLine().getOut().println("unregistered " + name + " (its folder is left as it is)");
    return 0;
  }
}
