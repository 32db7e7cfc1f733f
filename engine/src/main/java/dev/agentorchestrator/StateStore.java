package dev.agentorchestrator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes {@code .ao-state/state.json}, the per-agent counters. Only one process writes
 * it at a time: the watchdog while it lives, {@code down} after it stopped the watchdog.
 */
final class StateStore {

  static final JsonFactory JSON = new JsonFactory();

  private StateStore() {}

  static Map<String, AgentState> read(Path file) {
    Map<String, AgentState> states = new TreeMap<>();
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return states;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return states;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        states.put(name, agent(p));
      }
    } catch (IOException | RuntimeException e) {
      // a torn or foreign file: start from scratch rather than refuse to run
      states.clear();
    }
    return states;
  }

  private static AgentState agent(JsonParser p) throws IOException {
    AgentState s = new AgentState();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "up" -> s.up = p.getBooleanValue();
        case "restarts" -> s.restarts = p.getIntValue();
        case "failures" -> s.failures = p.getIntValue();
        case "lastExit" -> s.lastExit = t == JsonToken.VALUE_NULL ? null : p.getIntValue();
        case "pid" -> s.pid = p.getLongValue();
        case "startedAt" -> s.startedAt = p.getLongValue();
        case "nextAttemptAt" -> s.nextAttemptAt = p.getLongValue();
        default -> p.skipChildren();
      }
    }
    return s;
  }

  static void write(Path file, Map<String, AgentState> states) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      for (Map.Entry<String, AgentState> e : new TreeMap<>(states).entrySet()) {
        AgentState s = e.getValue();
        g.writeObjectFieldStart(e.getKey());
        g.writeBooleanField("up", s.up);
        g.writeNumberField("restarts", s.restarts);
        g.writeNumberField("failures", s.failures);
        g.writeFieldName("lastExit");
        if (s.lastExit == null) {
          g.writeNull();
        } else {
          g.writeNumber(s.lastExit);
        }
        g.writeNumberField("pid", s.pid);
        g.writeNumberField("startedAt", s.startedAt);
        g.writeNumberField("nextAttemptAt", s.nextAttemptAt);
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Project.writeAtomically(file, out + "\n");
  }
}
