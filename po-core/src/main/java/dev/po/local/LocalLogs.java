package dev.po.local;

import dev.po.host.LogsRequest;
import dev.po.host.Target;
import dev.po.project.HarnessStatus;
import dev.po.project.LogLine;
import dev.po.project.ProjectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A read of agents' logs on this machine, where the harness writes them. */
final class LocalLogs {
  private LocalLogs() {}

  static List<LogLine> read(LocalHost host, LogsRequest r) {
    AgentLogs logs = logs(r.target());
    List<String> agents = chosen(host, r, logs);
    List<String> present = agents.stream().filter(logs::exists).toList();
    if (present.isEmpty()) {
      throw noLogYet(r, agents);
    }
    List<LogLine> out = new ArrayList<>();
    for (String a : present) {
      logs.last(a, r.lines()).forEach(t -> out.add(new LogLine(a, t)));
    }
    return out;
  }

  /** The last lines, then every new one; {@code ready} runs once the agents are known, before the first line. */
  static void follow(LocalHost host, LogsRequest r, Consumer<LogLine> sink, Runnable ready) {
    AgentLogs logs = logs(r.target());
    List<String> agents = chosen(host, r, logs);
    ready.run();
    for (String a : agents) {
      logs.last(a, r.lines()).forEach(t -> sink.accept(new LogLine(a, t)));
    }
    logs.follow(agents, sink);
  }

  private static AgentLogs logs(Target project) {
    Path root = project.root();
    if (!Files.isDirectory(root)) {
      throw new ProjectException("project " + project.name() + ": location " + root + " is not a folder");
    }
    return new AgentLogs(root);
  }

  /** The agents asked for, checked against those the harness records (or, before it did, those with a log). */
  private static List<String> chosen(LocalHost host, LogsRequest r, AgentLogs logs) {
    String name = r.target().name();
    List<String> known = host.harnessStatus(r.target()).agents().stream().map(HarnessStatus.Agent::name).toList();
    if (known.isEmpty()) {
      known = logs.withLogs();
    }
    if (r.agent() == null) {
      if (known.isEmpty()) {
        throw noLogYet(r, known);
      }
      return known;
    }
    if (!known.contains(r.agent())) {
      throw new ProjectException("project " + name + " has no agent '" + r.agent() + "'"
          + (known.isEmpty() ? " (no agent has run yet)" : " (its agents: " + String.join(", ", known) + ")"));
    }
    return List.of(r.agent());
  }

  private static ProjectException noLogYet(LogsRequest r, List<String> agents) {
    String name = r.target().name();
    String whose = r.agent() != null ? "agent " + r.agent() : agents.size() == 1 ? "agent " + agents.get(0) : "its agents";
    return new ProjectException("project " + name + ": no log yet for " + whose
        + " (the harness writes " + AgentLogs.LOGS_DIR + "/AGENT.log once an agent runs; po start " + name + ")");
  }
}
