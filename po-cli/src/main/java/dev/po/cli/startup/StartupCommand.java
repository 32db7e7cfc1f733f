package dev.po.cli.startup;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code po startup ...}: bring the fleet back after a reboot. */
@Command(
    name = "startup",
    mixinStandardHelpOptions = true,
    description = "Restore the fleet at boot: a service unit that starts it and stops it at shutdown.",
    subcommands = SystemdCommand.class)
public final class StartupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
