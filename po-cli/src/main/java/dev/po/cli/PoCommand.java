package dev.po.cli;

import dev.po.cli.demo.DemoCommand;
import dev.po.cli.fleet.FleetCommand;
import dev.po.cli.project.AttachCommand;
import dev.po.cli.project.CreateCommand;
import dev.po.cli.project.HarnessCommand;
import dev.po.cli.project.LogsCommand;
import dev.po.cli.project.StartCommand;
import dev.po.cli.project.StopCommand;
import dev.po.cli.project.UpdateCommand;
import dev.po.cli.startup.StartupCommand;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top command {@code po}. Subcommands are registered in {@code subcommands} below: one class
 * each, a {@code Callable<Integer>} that parses its arguments, calls po-core and prints.
 */
@Command(
    name = "po",
    mixinStandardHelpOptions = true,
    versionProvider = PoVersion.class,
    description = "Manages a fleet of independent agent projects.",
    footer = {
      "",
      "Exit codes:",
      "  0  success",
      "  1  a failure or refusal, in one line on stderr (--verbose: with the stack trace)",
      "  2  a usage error: the usage is printed on stderr"
    },
    subcommands = {
      FleetCommand.class,
      CreateCommand.class,
      StartCommand.class,
      StopCommand.class,
      UpdateCommand.class,
      LogsCommand.class,
      AttachCommand.class,
      HarnessCommand.class,
      DemoCommand.class,
      CompletionCommand.class,
      StartupCommand.class,
      // more commands go here, one class each
    })
public final class PoCommand implements Callable<Integer> {
  private final Map<String, String> env;
  private final Terminal terminal;

  @Spec CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "On failure, print the stack trace too; print why a repository is read the slow way.")
  boolean verbose;

  // Declared once and inherited, so every command takes it before or after its words and a
  // refactor of one command cannot lose it; FleetFile is the one reader.
  @Option(
      names = "--fleet",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "Registry; default $PO_FLEET, else ./fleet.toml")
  Path fleet;

  @Option(
      names = "--no-color",
      scope = ScopeType.INHERIT,
      description = "No colours, even on a terminal (also: the NO_COLOR environment variable).")
  boolean noColor;

  PoCommand(Map<String, String> env, Terminal terminal) {
    this.env = Map.copyOf(env);
    this.terminal = terminal;
  }

  /** For tools that build the command tree from the class alone (the man page generator). */
  PoCommand() {
    this(System.getenv(), Terminal.NONE);
  }

  /** The environment po was started with (tests pass their own). */
  public Map<String, String> env() {
    return env;
  }

  public boolean verbose() {
    return verbose;
  }

  /** Which of po's streams are terminals. */
  public Terminal terminal() {
    return terminal;
  }

  /** Whether stdout gets colours: see {@link Terminal#colour}. */
  public boolean colour() {
    return terminal.colour(env, noColor);
  }

  /** {@code po} alone: the usage on stderr, as for any other usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
