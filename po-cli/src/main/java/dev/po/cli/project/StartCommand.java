package dev.po.cli.project;

import dev.po.Po;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
  @Mixin LaunchOptions launch;

  @Option(names = "--force", description = "Start named projects even when disabled.")
  boolean force;

  @Override
  public Integer call() {
    Po po = launch.po();
    return Launch.run(spec, launch, po.start(launch.names()).setAll(launch.all).setForce(force)
        .setParallel(!launch.sequential), po);
  }
}
