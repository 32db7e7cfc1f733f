package dev.po.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads the logs the harness keeps of a project's agents: the last lines of one agent, or of each
 * agent in agents.toml order; {@link #follow} goes on with the lines as they are written. Reads
 * files only and starts no process here; the logs of a project on another host are read by po
 * there, and come over ssh.
 *
 * <pre>{@code
 * po.project("my-project").logs().setAgent("worker").setLines(50).call()
 *     .forEach(l -> System.out.println(l.text()));
 * }</pre>
 */
public final class LogsCommand {
  /** How many lines of each log {@link #call()} gives unless told. */
  public static final int DEFAULT_LINES = 10;

  private final Project project;
  private String agent;
  private int lines = DEFAULT_LINES;

  LogsCommand(Project project) {
    this.project = Objects.requireNonNull(project, "project");
  }

  /** One agent's log; {@code null} (the default) for every agent's. */
  public LogsCommand setAgent(String agent) {
    this.agent = agent;
    return this;
  }

  /** How many of the last lines of each log; {@code 0} with {@link #follow} shows new lines only. */
  public LogsCommand setLines(int lines) {
    if (lines < 0) {
      throw new IllegalArgumentException("lines (" + lines + ") must not be negative");
    }
    this.lines = lines;
    return this;
  }

  /**
   * The last lines of each chosen log, agent after agent. Throws {@link ProjectException} for an
   * agent the harness does not know, or when there is no log yet ({@link HostException} when the
   * project's host cannot be reached).
   */
  public List<LogLine> call() {
    return project.host().logs(this);
  }

  /**
   * Gives {@code sink} the last lines of each chosen log, then every line written to them after,
   * as it comes, until the calling thread is interrupted. A log that does not exist yet is waited
   * for. For a project on another host the lines come over ssh, and an interrupt ends that
   * connection and the reading there.
   */
  public void follow(Consumer<LogLine> sink) {
    Objects.requireNonNull(sink, "sink");
    project.host().follow(this, sink);
  }

  Project project() {
    return project;
  }

  String agent() {
    return agent;
  }

  int lines() {
    return lines;
  }

  /** {@link #call()} where the logs are, on this machine. */
  List<LogLine> readHere() {
    AgentLogs logs = logs();
    List<String> agents = chosen(logs);
    List<String> present = agents.stream().filter(logs::exists).toList();
    if (present.isEmpty()) {
      throw noLogYet(agents);
    }
    List<LogLine> out = new ArrayList<>();
    for (String a : present) {
      logs.last(a, lines).forEach(t -> out.add(new LogLine(a, t)));
    }
    return out;
  }

  /**
   * {@link #follow} where the logs are, on this machine; {@code ready} runs once the agents are
   * known to be there, before the first line.
   */
  void followHere(Consumer<LogLine> sink, Runnable ready) {
    AgentLogs logs = logs();
    List<String> agents = chosen(logs);
    ready.run();
    for (String a : agents) {
      logs.last(a, lines).forEach(t -> sink.accept(new LogLine(a, t)));
    }
    logs.follow(agents, sink);
  }

  private AgentLogs logs() {
    Path root = project.root();
    if (!Files.isDirectory(root)) {
      throw new ProjectException("project " + project.name() + ": location " + root + " is not a folder");
    }
    return new AgentLogs(root);
  }

  /** The agents asked for, checked against those the harness records (or, before it did, those with a log). */
  private List<String> chosen(AgentLogs logs) {
    List<String> known = project.harnessStatus().agents().stream().map(HarnessStatus.Agent::name).toList();
    if (known.isEmpty()) {
      known = logs.withLogs();
    }
    if (agent == null) {
      if (known.isEmpty()) {
        throw noLogYet(known);
      }
      return known;
    }
    if (!known.contains(agent)) {
      throw new ProjectException("project " + project.name() + " has no agent '" + agent + "'"
          + (known.isEmpty() ? " (no agent has run yet)" : " (its agents: " + String.join(", ", known) + ")"));
    }
    return List.of(agent);
  }

  private ProjectException noLogYet(List<String> agents) {
    String whose = agent != null ? "agent " + agent : agents.size() == 1 ? "agent " + agents.get(0) : "its agents";
    return new ProjectException("project " + project.name() + ": no log yet for " + whose
        + " (the harness writes " + AgentLogs.LOGS_DIR + "/AGENT.log once an agent runs; po start " + project.name() + ")");
  }
}
