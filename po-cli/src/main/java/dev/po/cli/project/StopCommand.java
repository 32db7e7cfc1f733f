package dev.po.cli.project;

import dev.po.cli.FleetFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = {
      "Stop projects: run their harness launcher's down (engine/agents down) in each project root.",
      "",
      "One project failing does not stop the others; a summary ends the output and the exit code"
          + " is 1 if any failed.",
      ""
    })
public final class StopCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FleetFile fleet;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "The projects to stop.")
  List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "Every enabled project, in registry order; disabled ones are skipped.")
  boolean all;

  @Option(names = "--sequential", description = "Run the launchers one by one (default: a few at a time).")
  boolean sequential;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Kill a launcher running longer (default 600).")
  Integer timeout;

  @Override
  public Integer call() {
    Launch.refuseNamesWithAll(spec, all, names.size());
    return Launch.report(spec, Launch.po(spec, fleet, timeout).stop(names.toArray(String[]::new)).setAll(all).setParallel(!sequential).call());
  }
}
