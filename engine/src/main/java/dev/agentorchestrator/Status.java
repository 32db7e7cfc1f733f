package dev.agentorchestrator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a project's agents and watchdog, as printed by {@code status} and kept in {@code
 * .ao-state/status.json}.
 */
record Status(boolean watchdogAlive, Long watchdogPid, List<Row> agents, String folder) {

  /** One agent; {@code state} is running, dead, stopped, backoff or crashloop. */
  record Row(String name, String watch, String state, Long pid, int restarts, Long uptimeSeconds, Integer lastExit) {}

  Status {
    agents = List.copyOf(agents);
  }

  /**
   * The status of {@code agents} (name and watch mode, in order), from the harness's counters, the
   * panes of its tmux server and whether its watchdog runs. A pane of another project is not ours,
   * whatever its name.
   */
  static Status compute(TmuxRecord record, Map<String, AgentSpec.Watch> agents, Map<String, AgentState> states,
      Map<String, Tmux.Pane> panes, Long watchdogPid) {
    List<Row> rows = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (Map.Entry<String, AgentSpec.Watch> agent : agents.entrySet()) {
      AgentState s = states.getOrDefault(agent.getKey(), new AgentState());
      Tmux.Pane pane = panes.get(record.sessionOf(agent.getKey()));
      String state;
      Long pid = null;
      Long uptime = null;
      if (record.owns(pane) && pane.running()) {
        state = "running";
        pid = pane.pid();
        long up = Procs.uptimeSeconds(pane.pid());
        uptime = up < 0 ? null : up;
      } else if (!s.up) {
        state = "stopped";
      } else if (s.crashloop()) {
        state = "crashloop";
      } else if (agent.getValue() == AgentSpec.Watch.HEAL && watchdogPid != null && s.nextAttemptAt > now) {
        state = "backoff";
      } else {
        state = "dead";
      }
      rows.add(new Row(agent.getKey(), agent.getValue().label(), state, pid, s.restarts, uptime, s.lastExit));
    }
    return new Status(watchdogPid != null, watchdogPid, rows, record.folder());
  }

  /** The names and watch modes of {@code specs}, in order, as {@link #compute} takes them. */
  static Map<String, AgentSpec.Watch> watches(List<AgentSpec> specs) {
    Map<String, AgentSpec.Watch> watches = new LinkedHashMap<>();
    specs.forEach(a -> watches.put(a.name(), a.watch()));
    return watches;
  }

  /** {@code status --json}: the watchdog and the agents. */
  String json() {
    return render(false, null, null);
  }

  /** The status file: {@link #json()} plus when it was written and the watchdog's last heartbeat. */
  String fileJson(Instant writtenAt, Instant heartbeat) {
    return render(true, writtenAt, heartbeat);
  }

  private String render(boolean file, Instant writtenAt, Instant heartbeat) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = StateStore.JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      if (file) {
        g.writeStringField("writtenAt", writtenAt.toString());
        g.writeStringField("heartbeat", heartbeat == null ? null : heartbeat.toString());
        // for a reader to tell the file of a copied folder (cp -a), whose pids are another project's
        g.writeStringField("folder", folder);
      }
      g.writeObjectFieldStart("watchdog");
      g.writeBooleanField("alive", watchdogAlive);
      writeNullable(g, "pid", watchdogPid);
      g.writeEndObject();
      g.writeArrayFieldStart("agents");
      for (Row r : agents) {
        g.writeStartObject();
        g.writeStringField("name", r.name());
        g.writeStringField("watch", r.watch());
        g.writeStringField("state", r.state());
        writeNullable(g, "pid", r.pid());
        g.writeNumberField("restarts", r.restarts());
        writeNullable(g, "uptimeSeconds", r.uptimeSeconds());
        writeNullable(g, "lastExit", r.lastExit() == null ? null : r.lastExit().longValue());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static void writeNullable(JsonGenerator g, String field, Long value) throws IOException {
    g.writeFieldName(field);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }

  /** The table printed by {@code status}. */
  String table() {
    StringBuilder b = new StringBuilder();
    String format = "%-20s %-5s %-9s %8s %8s %8s %9s%n";
    b.append(String.format(format, "AGENT", "WATCH", "STATE", "PID", "UPTIME", "RESTARTS", "LAST EXIT"));
    for (Row r : agents) {
      b.append(String.format(format, r.name(), r.watch(), r.state(), r.pid() == null ? "-" : r.pid(),
          r.uptimeSeconds() == null ? "-" : duration(r.uptimeSeconds()), r.restarts(),
          r.lastExit() == null ? "-" : r.lastExit()));
    }
    b.append(watchdogAlive ? "watchdog: alive (pid " + watchdogPid + ")" : "watchdog: not running").append('\n');
    return b.toString();
  }

  static String duration(long seconds) {
    if (seconds < 120) {
      return seconds + "s";
    } else if (seconds < 7200) {
      return seconds / 60 + "m";
    } else if (seconds < 172_800) {
      return seconds / 3600 + "h";
    }
    return seconds / 86_400 + "d";
  }

  /** The heartbeat recorded in an existing status file, or null. */
  static Instant heartbeatOf(Path statusFile) {
    try (JsonParser p = StateStore.JSON.createParser(Files.readString(statusFile))) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && "heartbeat".equals(p.currentName())) {
          return p.nextToken() == JsonToken.VALUE_STRING ? Instant.parse(p.getText()) : null;
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }
}
