package dev.po.cli.project;

import dev.po.cli.ProjectNames;
import dev.po.project.HarnessStatus;
import dev.po.project.LogLine;
import dev.po.project.Project;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Print the end of an agent's log, or follow it.",
      "",
      "The log is what the agent's terminal showed, as the harness keeps it in"
          + " .ao-state/logs/AGENT.log (reaching into the rotated AGENT.log.1 when the log is short).",
      "",
      "Without AGENT, every agent's log in turn, each line prefixed with the agent's name; with -f,"
          + " the lines of all of them as they are written, until interrupted (Ctrl-C).",
      "",
      "For a project on another host, po there reads the logs and the lines come over ssh; -f"
          + " keeps one connection open, and ending po ends it and the reading there.",
      ""
    })
public final class LogsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The project name.",
      completionCandidates = ProjectNames.class)
  String name;

  @Parameters(index = "1", arity = "0..1", paramLabel = "AGENT", description = "One agent (default: every agent).")
  String agent;

  @Option(names = {"-n", "--lines"}, paramLabel = "LINES", description = "How many of the last lines of each log (default 10).")
  int lines = dev.po.project.LogsCommand.DEFAULT_LINES;

  @Option(names = {"-f", "--follow"}, description = "Go on printing lines as they are written, until interrupted.")
  boolean follow;

  @Override
  public Integer call() {
    if (lines < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-n must not be negative, not " + lines);
    }
    Project project = Launch.po(spec, null).project(name);
    dev.po.project.LogsCommand logs = project.logs().setAgent(agent).setLines(lines);
    PrintWriter out = spec.commandLine().getOut();
    int width = agent != null ? 0
        : project.harnessStatus().agents().stream().map(HarnessStatus.Agent::name).mapToInt(String::length).max().orElse(0);
    if (follow) {
      logs.follow(l -> {
        out.println(line(l, width));
        out.flush();
      });
      return 0;
    }
    List<LogLine> all = logs.call();
    int widest = Math.max(width, agent != null ? 0 : all.stream().mapToInt(l -> l.agent().length()).max().orElse(0));
    all.forEach(l -> out.println(line(l, widest)));
    return 0;
  }

  /** The line as printed: alone for one agent, else after the agent's name and a bar, as pm2 does. */
  private String line(LogLine l, int width) {
    if (agent != null) {
      return l.text();
    }
    return l.agent() + " ".repeat(Math.max(0, width - l.agent().length())) + " | " + l.text();
  }
}
