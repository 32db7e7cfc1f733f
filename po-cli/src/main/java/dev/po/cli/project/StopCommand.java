package dev.po.cli.project;

import dev.po.Po;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
  @Mixin LaunchOptions launch;

  @Override
  public Integer call() {
    Po po = launch.po();
    return Launch.run(spec, launch, po.stop(launch.names()).setAll(launch.all).setParallel(!launch.sequential), po);
  }
}
