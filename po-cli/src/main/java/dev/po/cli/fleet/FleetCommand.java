package dev.po.cli.fleet;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code po fleet ...}: read and edit the fleet registry. */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    description = "Read, check and edit the fleet registry (fleet.toml).",
    subcommands = {
      ListCommand.class,
      GetCommand.class,
      StatusCommand.class,
      ValidateCommand.class,
      RegisterCommand.class,
      UnregisterCommand.class,
      EnableCommand.class,
      DisableCommand.class,
    })
public final class FleetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** {@code po fleet} alone: the usage on stderr, exit 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
