package dev.po.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a project's harness state from the status file the harness keeps, {@code
 * .ao-state/status.json}, and checks that the processes it records are still alive. The file alone
 * is not enough: after a reboot or a {@code kill -9} it still says "running".
 *
 * <p>The file is read with Jackson's streaming parser: {@code po fleet status} reads hundreds of
 * these, and the data-binding layer's start-up would cost more than the reading.
 */
public final class HarnessStates {
  /** Where the harness keeps its status, relative to the project root. */
  public static final String STATUS_FILE = ".ao-state/status.json";

  private static final JsonFactory JSON = new JsonFactory();

  private HarnessStates() {}

  /** The harness state of the project at {@code projectRoot}; never starts a process. */
  public static HarnessState of(Path projectRoot) {
    return read(projectRoot).state();
  }

  /** The harness status of the project at {@code projectRoot}, agents included; starts no process. */
  public static HarnessStatus read(Path projectRoot) {
    boolean watchdogFlag = false;
    long watchdogPid = 0;
    List<HarnessStatus.Agent> agents = new ArrayList<>();
    try (JsonParser p = JSON.createParser(Files.readAllBytes(projectRoot.resolve(STATUS_FILE)))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return HarnessStatus.UNKNOWN;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("watchdog") && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            if (f.equals("alive")) {
              watchdogFlag = v == JsonToken.VALUE_TRUE;
            } else if (f.equals("pid")) {
              watchdogPid = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : 0;
            } else {
              p.skipChildren();
            }
          }
        } else if (field.equals("agents") && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            agents.add(agent(p));
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException | RuntimeException e) {
      return HarnessStatus.UNKNOWN;
    }
    boolean watchdogAlive = watchdogFlag && alive(watchdogPid);
    boolean anyAgentAlive = false;
    boolean allRunning = true;
    for (HarnessStatus.Agent a : agents) {
      anyAgentAlive |= a.alive();
      allRunning &= a.alive() && "running".equals(a.state());
    }
    HarnessState state;
    if (!watchdogAlive && !anyAgentAlive) {
      state = HarnessState.STOPPED;
    } else {
      state = watchdogAlive && allRunning ? HarnessState.RUNNING : HarnessState.DEGRADED;
    }
    return new HarnessStatus(state, watchdogAlive, watchdogPid, agents);
  }

  private static HarnessStatus.Agent agent(JsonParser p) throws IOException {
    String name = "";
    String state = null;
    long pid = 0;
    int restarts = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken v = p.nextToken();
      if (f.equals("state") && v == JsonToken.VALUE_STRING) {
        state = p.getText();
      } else if (f.equals("pid") && v == JsonToken.VALUE_NUMBER_INT) {
        pid = p.getLongValue();
      } else if (f.equals("name") && v == JsonToken.VALUE_STRING) {
        name = p.getText();
      } else if (f.equals("restarts") && v == JsonToken.VALUE_NUMBER_INT) {
        restarts = p.getIntValue();
      } else {
        p.skipChildren();
      }
    }
    return new HarnessStatus.Agent(name, state, pid, restarts, alive(pid));
  }

  private static boolean alive(long pid) {
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
