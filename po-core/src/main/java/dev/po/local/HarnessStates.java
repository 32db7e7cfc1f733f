package dev.po.local;

import dev.po.project.HarnessState;
import dev.po.project.HarnessStatus;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a project's harness state from the status file the harness keeps, {@code
 * .ao-state/status.json}, and checks that the processes it records are still alive. The file alone
 * is not enough: after a reboot or a {@code kill -9} it still says "running"; and in a folder copied
 * with its {@code .ao-state/} ({@code cp -a}) it is the original's, naming the original's live agents.
 *
 * <p>The file is read with Jackson's streaming parser: {@code po fleet status} reads hundreds of
 * these, and the data-binding layer's start-up would cost more than the reading.
 */
public final class HarnessStates {
  /** Where the harness keeps its status, relative to the project root. */
  public static final String STATUS_FILE = ".ao-state/status.json";

  private static final JsonFactory JSON = new JsonFactory();
  private static final Duration PID_REUSE_SLACK = Duration.ofSeconds(2);

  /** An agent as the file records it, before its pid is checked. */
  private record Recorded(
      String name, String watch, String state, long pid, Long uptimeSeconds, int restarts, Integer lastExit) {}

  private HarnessStates() {}

  /** The harness state of the project at {@code projectRoot}; never starts a process. */
  public static HarnessState of(Path projectRoot) {
    return read(projectRoot).state();
  }

  /** The harness status of the project at {@code projectRoot}, agents included; starts no process. */
  public static HarnessStatus read(Path projectRoot) {
    boolean watchdogFlag = false;
    long watchdogPid = 0;
    Instant writtenAt = null;
    String folder = null;
    List<Recorded> recorded = new ArrayList<>();
    byte[] file;
    try {
      file = Files.readAllBytes(projectRoot.resolve(STATUS_FILE));
    } catch (NoSuchFileException e) {
      // never started: the harness's own status says "stopped" too, and both must use one word
      return HarnessStatus.NEVER_STARTED;
    } catch (IOException e) {
      return HarnessStatus.UNKNOWN;
    }
    try (JsonParser p = JSON.createParser(file)) {
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
            recorded.add(agent(p));
          }
        } else if (field.equals("writtenAt") && value == JsonToken.VALUE_STRING) {
          writtenAt = Instant.parse(p.getText());
        } else if (field.equals("folder") && value == JsonToken.VALUE_STRING) {
          folder = p.getText();
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException | RuntimeException e) {
      return HarnessStatus.UNKNOWN;
    }
    String here = folder == null ? null : folderOf(projectRoot);
    if (here != null && !folder.equals(here)) {
      // written for another folder: this one is a copy that has not run yet, as the harness says too
      return HarnessStatus.NEVER_STARTED;
    }
    boolean watchdogAlive = watchdogFlag && alive(watchdogPid, writtenAt);
    List<HarnessStatus.Agent> agents = new ArrayList<>();
    Instant now = Instant.now();
    for (Recorded a : recorded) {
      boolean alive = alive(a.pid(), writtenAt);
      agents.add(new HarnessStatus.Agent(a.name(), a.watch(), a.state(), a.pid(), alive,
          alive ? uptimeNow(a.uptimeSeconds(), writtenAt, now) : null, a.restarts(), a.lastExit()));
    }
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

  /**
   * The identity of the folder {@code dir} on its file system as the harness writes it into the
   * status file, {@code device:inode}: a folder moved in place keeps it, a copy does not. Null
   * where it cannot be read, which trusts the file.
   */
  private static String folderOf(Path dir) {
    try {
      java.util.Map<String, Object> a = Files.readAttributes(dir, "unix:dev,ino");
      return a.get("dev") + ":" + a.get("ino");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  private static Recorded agent(JsonParser p) throws IOException {
    String name = "";
    String watch = null;
    String state = null;
    long pid = 0;
    Long uptime = null;
    int restarts = 0;
    Integer lastExit = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken v = p.nextToken();
      if (f.equals("watch") && v == JsonToken.VALUE_STRING) {
        watch = p.getText();
      } else if (f.equals("uptimeSeconds") && v == JsonToken.VALUE_NUMBER_INT) {
        uptime = Math.max(0, p.getLongValue());
      } else if (f.equals("lastExit") && v == JsonToken.VALUE_NUMBER_INT) {
        lastExit = p.getIntValue();
      } else if (f.equals("state") && v == JsonToken.VALUE_STRING) {
        state = p.getText();
      } else if (f.equals("pid") && v == JsonToken.VALUE_NUMBER_INT) {
        pid = p.getLongValue();
      } else if (f.equals("name") && v == JsonToken.VALUE_STRING) {
        name = p.getText();
      } else if (f.equals("restarts") && v == JsonToken.VALUE_NUMBER_INT) {
        restarts = Math.max(0, p.getIntValue());
      } else {
        p.skipChildren();
      }
    }
    return new Recorded(name, watch, state, Math.max(0, pid), uptime, restarts, lastExit);
  }

  /**
   * The uptime now of an agent that was up {@code recorded} seconds when the file was written: the
   * watchdog rewrites the file only every ten seconds, and a stopped watchdog not at all.
   */
  private static Long uptimeNow(Long recorded, Instant writtenAt, Instant now) {
    if (recorded == null) {
      return null;
    }
    long since = writtenAt == null ? 0 : Math.max(0, Duration.between(writtenAt, now).getSeconds());
    return recorded + since;
  }

  /**
   * Whether {@code pid} is alive and can be the process the file recorded: one that started after
   * the file was written has only reused the number (after a reboot, or long after a kill -9, the
   * file still names the old pids). Start times from /proc are exact to about a second, hence the
   * slack.
   */
  private static boolean alive(long pid, Instant writtenAt) {
    if (pid <= 0) {
      return false;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (handle.isEmpty() || zombie(pid)) {
      return false;
    }
    if (writtenAt == null) {
      return true;
    }
    return handle.get().info().startInstant()
        .map(started -> !started.isAfter(writtenAt.plus(PID_REUSE_SLACK)))
        .orElse(true);
  }

  /**
   * Whether {@code pid} is a zombie: dead, but not yet reaped by its parent, which can take for ever
   * where pid 1 does not reap. {@link ProcessHandle#isAlive()} counts it as alive; /proc does not.
   */
  private static boolean zombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int close = stat.lastIndexOf(')');
      char state = close > 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
      return state == 'Z' || state == 'X';
    } catch (IOException | RuntimeException e) {
      return false; // no /proc here: only ProcessHandle can tell
    }
  }

}
