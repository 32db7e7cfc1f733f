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
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Start projects: run their harness launcher's up (engine/agents up) in each project root.",
      "",
      "The environment passes through (AO_TMUX_SOCKET included). One project failing does not"
          + " stop the others; a summary ends the output and the exit code is 1 if any failed.",
      ""
    })
public final class StartCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FleetFile fleet;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "The projects to start.")
  List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "Every enabled project, in registry order; disabled ones are skipped.")
  boolean all;

  @Option(names = "--force", description = "Start named projects even when disabled.")
  boolean force;

  @Option(names = "--sequential", description = "Run the launchers one by one (default: a few at a time).")
  boolean sequential;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Kill a launcher running longer (default 600).")
  Integer timeout;

  @Override
  public Integer call() {
    Launch.refuseNamesWithAll(spec, all, names.size());
    return Launch.report(
        spec, Launch.po(spec, fleet, timeout).start(names.toArray(String[]::new)).setAll(all).setForce(force).setParallel(!sequential).call());
  }
}
