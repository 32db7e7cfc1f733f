package dev.po.scripts;

import dev.po.Po;
import dev.po.PoException;
import dev.po.fleet.RegistryException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What a jshell script under {@code po-scripts/} needs around its call to po-core: its arguments,
 * the registry it works on, and the same messages and exit codes as {@code po}.
 *
 * <pre>{@code
 * int run(Script s) {
 *   s.expect(Set.of("--json"), Set.of("--fleet"));
 *   s.po().status().forEach(st -> s.out().println(st.name()));
 *   return 0;
 * }
 * /exit Script.exec(s -> run(s))
 * }</pre>
 *
 * <p>Exit codes: 0 success, 1 a problem or failure (one line on stderr), 2 a usage error.
 */
public final class Script {
  /** The system property naming the file that holds the arguments, NUL-separated. */
  public static final String ARGS_PROPERTY = "po.script.args";
  /** The system property carrying the script's name for messages. */
  public static final String NAME_PROPERTY = "po.script.name";

  private final String name;
  private final List<String> args;
  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private Parsed parsed;

  Script(String name, List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    this.name = name;
    this.args = List.copyOf(args);
    this.env = Map.copyOf(env);
    this.out = out;
    this.err = err;
  }

  /** Runs {@code body} with the launcher's arguments and maps failures to exit codes. */
  public static int exec(ToIntFunction<Script> body) {
    String name = System.getProperty(NAME_PROPERTY, "script");
    return exec(new Script(name, launcherArgs(), System.getenv(), System.out, System.err), body);
  }

  static int exec(Script script, ToIntFunction<Script> body) {
    try {
      int code = body.applyAsInt(script);
      script.out.flush();
      return code;
    } catch (UsageException e) {
      script.err.println(script.name + ": " + e.getMessage());
      script.err.println("Try '" + script.name + " --help'.");
      return 2;
    } catch (RegistryException e) {
      e.problems().forEach(p -> script.err.println(p));
      return 1;
    } catch (PoException e) {
      script.err.println(script.name + ": " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      script.err.println(script.name + ": internal error: " + e);
      return 1;
    }
  }

  /** The script's name, as its messages start: {@code start-project}. */
  public String name() {
    return name;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  /** Every argument as given. */
  public List<String> args() {
    return args;
  }

  /**
   * Declares the options this script takes and parses the arguments against them: {@code flags}
   * take no value, {@code options} take one ({@code --opt VALUE} or {@code --opt=VALUE}). Any other
   * option is a usage error, so a typo never passes as a positional argument. {@code --help} and
   * {@code -h} are always accepted.
   */
  public Script expect(Set<String> flags, Set<String> options) {
    CommandSpec spec = CommandSpec.create();
    // as the hand-written parser did: a repeated option's last value wins, @file is an argument
    spec.parser().overwrittenOptionsAllowed(true).expandAtFiles(false);
    spec.addOption(OptionSpec.builder("--help", "-h").arity("0").type(boolean.class).build());
    for (String flag : flags) {
      spec.addOption(OptionSpec.builder(flag).arity("0").type(boolean.class).build());
    }
    for (String option : options) {
      spec.addOption(OptionSpec.builder(option).arity("1").type(String.class).build());
    }
    spec.addPositional(PositionalParamSpec.builder().arity("0..*").type(String[].class).build());
    ParseResult result;
    try {
      result = new CommandLine(spec).parseArgs(args.toArray(String[]::new));
    } catch (UnmatchedArgumentException e) {
      throw new UsageException("unknown option " + e.getUnmatched().get(0));
    } catch (MissingParameterException e) {
      String what = e.getMissing().get(0) instanceof OptionSpec o ? o.longestName() : e.getMessage();
      throw new UsageException("option " + what + " needs a value");
    } catch (ParameterException e) {
      throw new UsageException(e.getMessage());
    }
    Set<String> seenFlags = new HashSet<>();
    Map<String, String> values = new HashMap<>();
    for (OptionSpec o : result.matchedOptions()) {
      if (o.arity().max() == 0) {
        seenFlags.add(o.longestName());
      } else {
        values.put(o.longestName(), o.getValue());
      }
    }
    String[] rest = result.matchedPositionals().isEmpty() ? new String[0] : result.matchedPositionals().get(0).getValue();
    this.parsed = new Parsed(List.of(rest), Set.copyOf(seenFlags), Map.copyOf(values));
    return this;
  }

  /** Whether the flag was given. */
  public boolean flag(String flag) {
    return parsed().flags.contains(flag);
  }

  /** The value of a declared option, or null. */
  public String option(String option) {
    return parsed().options.get(option);
  }

  /** The arguments that are not options or their values. */
  public List<String> positionals() {
    return parsed().positionals;
  }

  /** The positional argument at {@code index}, or a usage error naming what is missing. */
  public String positional(int index, String what) {
    List<String> p = positionals();
    if (index >= p.size()) {
      throw new UsageException("missing " + what);
    }
    return p.get(index);
  }

  /** Whether {@code --help} or {@code -h} was given. */
  public boolean help() {
    return parsed().flags.contains("--help");
  }

  /** The registry file: {@code --fleet FILE}, else {@code $PO_FLEET}, else {@code ./fleet.toml}. */
  public Path fleetFile() {
    String given = option("--fleet");
    return dev.po.fleet.Registry.fileFrom(given == null ? null : Path.of(given), env);
  }

  /** The fleet this script works on. */
  public Po po() {
    return Po.open(fleetFile());
  }

  /** A usage error: exit code 2. */
  public static UsageException usage(String message) {
    return new UsageException(message);
  }

  /** A usage error, reported with a hint to {@code --help} and exit code 2. */
  public static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private record Parsed(List<String> positionals, Set<String> flags, Map<String, String> options) {}

  private Parsed parsed() {
    if (parsed == null) {
      expect(Set.of(), Set.of("--fleet"));
    }
    return parsed;
  }

  private static List<String> launcherArgs() {
    String file = System.getProperty(ARGS_PROPERTY);
    return file == null ? List.of() : readArgs(Path.of(file));
  }

  /** The arguments as the launcher wrote them: each one followed by a NUL. */
  static List<String> readArgs(Path file) {
    try {
      String all = Files.readString(file, StandardCharsets.UTF_8);
      if (all.isEmpty()) {
        return List.of();
      }
      // The launcher writes each argument followed by a NUL: quotes and spaces survive as they are.
      return Arrays.asList(all.substring(0, all.length() - 1).split("\0", -1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read script arguments from " + file, e);
    }
  }
}
