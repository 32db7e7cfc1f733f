package dev.agentorchestrator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line behind {@code engine/agents}: up, down, status, logs, attach. Exit codes 0, 1, 2. */
public final class Main {

  static final String USAGE = String.join("\n",
      "usage: agents <verb> [options]   (run from the project root, the folder holding agents.toml)",
      "",
      "  up [AGENT...]       start the agents that are not running, and the watchdog",
      "  down [AGENT...]     stop the watchdog, then the agents",
      "  status [--json]     one row per agent, and whether the watchdog is alive",
      "  logs [-f] AGENT     print (or follow) .ao-state/logs/AGENT.log",
      "  attach AGENT        attach to the agent's tmux session",
      "",
      "Environment: AO_TMUX_SOCKET names a tmux socket (tmux -L) instead of the default server; up records it",
      "in .ao-state/tmux.json and the other verbs act on the recorded one. AO_TMUX_TIMEOUT_SECONDS bounds each",
      "tmux call (default 10).",
      "Exit codes: 0 ok, 1 failure, 2 usage error.");

  private static final String[] VERB_USAGE = {
    "up", "usage: agents up [AGENT...]\nStarts each named agent (all when none is named) that is not running, each in\nits own tmux session, resets its restart counters, and starts the watchdog once.\nRefuses an agent whose command cannot be found, before starting anything; exits 1\nwhen an agent it started dies within its first seconds (AO_UP_CHECK_SECONDS, 2).",
    "down", "usage: agents down [AGENT...]\nStops the watchdog, then the named agents (all when none is named) and their\nprocesses. The watchdog comes back if other agents are still up.",
    "status", "usage: agents status [--json]\nPrints name, watch, state, pid, uptime, restarts and last exit of each agent,\nand whether the watchdog is alive. --json prints the shape of .ao-state/status.json.",
    "logs", "usage: agents logs [-f|--follow] AGENT\nPrints the captured output of AGENT (.ao-state/logs/AGENT.log).",
    "attach", "usage: agents attach AGENT\nAttaches the terminal to AGENT's tmux session (detach with C-b d).",
  };

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command line; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(USAGE);
      return 2;
    }
    String verb = args[0];
    List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
    if (verb.equals("--help") || verb.equals("-h") || verb.equals("help")) {
      out.println(USAGE);
      return 0;
    }
    String usage = verbUsage(verb);
    if (usage == null && !verb.equals("watchdog") && !verb.equals("archive")) {
      err.println("agents: unknown verb '" + verb + "'\n" + USAGE);
      return 2;
    }
    if (rest.contains("--help") || rest.contains("-h")) {
      out.println(usage);
      return 0;
    }
    try {
      return verb(verb, rest, out, err);
    } catch (HarnessException e) {
      err.println("agents " + verb + ": " + e.getMessage() + (e.exitCode() == 2 ? "\n" + usage : ""));
      return e.exitCode();
    } catch (RuntimeException | IOException e) {
      err.println("agents " + verb + ": " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("agents " + verb + ": interrupted");
      return 1;
    }
  }

  private static int verb(String verb, List<String> rest, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Path cwd = Path.of(System.getProperty("user.dir"));
    switch (verb) {
      case "up" -> {
        noOptions(rest);
        Harness h = Harness.open(cwd);
        List<String> lines = h.up(rest);
        notes(h, verb, err);
        lines.forEach(out::println);
        out.flush();
        List<String> deaths = StartCheck.earlyDeaths(h, StartCheck.started(lines));
        if (!deaths.isEmpty()) {
          throw new HarnessException(String.join("; ", deaths));
        }
        return 0;
      }
      case "down" -> {
        noOptions(rest);
        Harness h = Harness.open(cwd);
        List<String> lines = h.down(rest);
        notes(h, verb, err);
        lines.forEach(out::println);
        return 0;
      }
      case "status" -> {
        boolean json = rest.remove("--json");
        if (!rest.isEmpty()) {
          throw HarnessException.usage("unexpected argument '" + rest.get(0) + "'");
        }
        Harness h = Harness.open(cwd);
        Status status = h.status();
        out.print(json ? status.json() : status.table());
        out.flush();
        notes(h, verb, err);
        if (h.configError() != null) {
          // what runs is reported above, from the record; the broken file still fails the command
          err.println("agents status: " + h.configError() + "\n(the agents above are the recorded ones; fix "
              + AgentsFile.NAME + " before the next up)");
          return 1;
        }
        return 0;
      }
      case "logs" -> {
        boolean follow = rest.remove("-f") | rest.remove("--follow");
        Harness h = Harness.open(cwd);
        String agent = oneAgent(rest);
        h.session(agent);
        notes(h, verb, err);
        Path log = h.project().log(agent);
        if (!Files.exists(log)) {
          throw new HarnessException("no log yet for " + agent + " (" + log + ")");
        }
        if (follow) {
          return new ProcessBuilder("tail", "-n", "+1", "-f", log.toString()).inheritIO().start().waitFor();
        }
        try (InputStream in = Files.newInputStream(log)) {
          in.transferTo(out);
        }
        out.flush();
        return 0;
      }
      case "attach" -> {
        Harness h = Harness.open(cwd);
        String session = h.session(oneAgent(rest));
        notes(h, verb, err);
        List<String> argv = new ArrayList<>(List.of("tmux"));
        if (h.tmux().socket() != null) {
          argv.addAll(List.of("-L", h.tmux().socket()));
        }
        boolean inside = System.getenv("TMUX") != null && h.tmux().socket() == null;
        argv.addAll(List.of(inside ? "switch-client" : "attach-session", "-t", "=" + session));
        return new ProcessBuilder(argv).inheritIO().start().waitFor() == 0 ? 0 : 1;
      }
      case "watchdog" -> {
        // internal: the detached process started by up
        new Watchdog(new Project(Path.of(rest.get(0)))).run();
        return 0;
      }
      case "archive" -> {
        // internal: run by the launcher once it built the jar
        out.println(ClassDataArchive.create(System.getProperty("java.class.path")));
        return 0;
      }
      default -> throw new IllegalStateException(verb);
    }
  }

  private static void notes(Harness h, String verb, PrintStream err) {
    h.notes().forEach(n -> err.println("agents " + verb + ": note: " + n));
  }

  private static String oneAgent(List<String> rest) {
    noOptions(rest);
    if (rest.size() != 1) {
      throw HarnessException.usage("expected one AGENT");
    }
    return rest.get(0);
  }

  private static void noOptions(List<String> rest) {
    for (String a : rest) {
      if (a.startsWith("-")) {
        throw HarnessException.usage("unknown option '" + a + "'");
      }
    }
  }

  private static String verbUsage(String verb) {
    for (int i = 0; i < VERB_USAGE.length; i += 2) {
      if (VERB_USAGE[i].equals(verb)) {
        return VERB_USAGE[i + 1];
      }
    }
    return null;
  }
}
