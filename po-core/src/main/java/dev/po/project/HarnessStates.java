package dev.po.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a project's harness state from the status file the harness keeps, {@code
 * .ao-state/status.json}, and checks that the processes it records are still alive. The file alone
 * is not enough: after a reboot or a {@code kill -9} it still says "running".
 */
public final class HarnessStates {
  /** Where the harness keeps its status, relative to the project root. */
  public static final String STATUS_FILE = ".ao-state/status.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private HarnessStates() {}

  /** The harness state of the project at {@code projectRoot}; never starts a process. */
  public static HarnessState of(Path projectRoot) {
    JsonNode status;
    try {
      status = JSON.readTree(Files.readAllBytes(projectRoot.resolve(STATUS_FILE)));
    } catch (IOException | RuntimeException e) {
      return HarnessState.UNKNOWN;
    }
    if (status == null || !status.isObject()) {
      return HarnessState.UNKNOWN;
    }
    JsonNode watchdog = status.path("watchdog");
    boolean watchdogAlive = watchdog.path("alive").asBoolean(false) && alive(watchdog.path("pid"));
    JsonNode agents = status.path("agents");
    boolean anyAgentAlive = false;
    boolean allRunning = true;
    for (JsonNode agent : agents) {
      boolean live = alive(agent.path("pid"));
      anyAgentAlive |= live;
      allRunning &= live && "running".equals(agent.path("state").asText());
    }
    if (!watchdogAlive && !anyAgentAlive) {
      return HarnessState.STOPPED;
    }
    return watchdogAlive && allRunning ? HarnessState.RUNNING : HarnessState.DEGRADED;
  }

  private static boolean alive(JsonNode pid) {
    if (!pid.canConvertToLong() || !pid.isIntegralNumber() || pid.asLong() <= 0) {
      return false;
    }
    return ProcessHandle.of(pid.asLong()).map(ProcessHandle::isAlive).orElse(false);
  }
}
