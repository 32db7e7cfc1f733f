package dev.po.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code po} command line. {@link #main} only wires the process to {@link #run}, which tests
 * call in-process with their own streams and environment.
 *
 * <p>Exit codes: 0 success; 1 a failure or refusal reported by po-core (one line on stderr, the
 * stack trace only with {@code --verbose}), including an invalid project or harness name; 2 a
 * usage error picocli detects (unknown option, missing argument), with the usage on stderr.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv(), Terminal.detect()));
  }

  /** Runs {@code po args...} writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(args, out, err, env, Terminal.NONE);
  }

  /** As {@link #run(String[], PrintStream, PrintStream, Map)}, on streams that are {@code terminal}. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal) {
    PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    try {
      CommandLine cl = commandLine(env, terminal);
      // Help is coloured by the same rule as output; --no-color is looked for before parsing,
      // because help is printed while parsing.
      boolean colour = terminal.colour(env, java.util.Arrays.asList(args).contains("--no-color"));
      cl.setColorScheme(CommandLine.Help.defaultColorScheme(colour ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
      return cl.setOut(o).setErr(e).execute(args);
    } finally {
      o.flush();
      e.flush();
    }
  }

  /**
   * Runs a {@code po} command line in this process, printing to {@code out} (errors too); for
   * commands that show other commands at work, as the demo does.
   */
  public static int inProcess(Map<String, String> env, PrintWriter out, String... args) {
    return commandLine(env, Terminal.NONE).setOut(out).setErr(out).execute(args);
  }

  /** The configured command tree; exposed for tests and for documentation tools. */
  static CommandLine commandLine(Map<String, String> env) {
    return commandLine(env, Terminal.NONE);
  }

  static CommandLine commandLine(Map<String, String> env, Terminal terminal) {
    CommandLine cl = new CommandLine(new PoCommand(env, terminal));
    // An argument like @name is a name, never a file of more arguments.
    cl.setExpandAtFiles(false);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    // 2 is picocli's default for usage errors; kept explicit because the README promises it.
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    cl.setExecutionStrategy(parsed -> {
      if (!verbose(parsed)) {
        return new CommandLine.RunLast().execute(parsed);
      }
      try (Diagnostics shown = Diagnostics.printTo(cl.getErr())) {
        return new CommandLine.RunLast().execute(parsed);
      }
    });
    return cl;
  }

  /** Whether --verbose was given, before the command words or after. */
  private static boolean verbose(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
