package dev.agentorchestrator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two checks that keep {@code up} from saying "started" about an agent that cannot run: its
 * program must be found before anything starts, and an agent that dies within its first seconds is
 * reported. Without them {@code up} exits 0 while the agent is already in crashloop.
 */
final class StartCheck {

  /** How long {@code up} watches the agents it started: 2 s, or AO_UP_CHECK_SECONDS (0 turns it off). */
  static final long WATCH_MILLIS = watchMillis(System.getenv("AO_UP_CHECK_SECONDS"));

  private StartCheck() {}

  /**
   * Refuses agents whose program cannot be found: a bare name is looked up on the launcher's PATH
   * (the nearest guess at the agent's own: on the default tmux server an agent sees the server's
   * environment), a path is taken relative to the project root.
   */
  static void requirePrograms(Path root, List<AgentSpec> agents, String path) {
    List<String> missing = new ArrayList<>();
    for (AgentSpec agent : agents) {
      String program = agent.program();
      if (!found(root, program, path)) {
        missing.add("agent " + agent.name() + ": command '" + program + "' not found"
            + (program.contains("/") ? " (relative to " + root + ")" : " on PATH"));
      }
    }
    if (!missing.isEmpty()) {
      throw new HarnessException(String.join("; ", missing) + "; nothing started");
    }
  }

  static boolean found(Path root, String program, String path) {
    if (program.contains("/")) {
      return Files.isExecutable(root.resolve(program));
    }
    for (String dir : (path == null ? "" : path).split(":", -1)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return true;
      }
    }
    return false;
  }

  /** The agents {@code up} started, from its reply lines ({@code NAME started (pid N)}). */
  static List<String> started(List<String> replyLines) {
    List<String> names = new ArrayList<>();
    for (String line : replyLines) {
      int space = line.indexOf(' ');
      if (space > 0 && line.startsWith("started (", space + 1)) {
        names.add(line.substring(0, space));
      }
    }
    return names;
  }

  /**
   * Watches {@code started} for {@link #WATCH_MILLIS}; returns one line per agent that died in that
   * time (a heal agent the watchdog restarted counts: it died), with its state and last exit at the
   * end of the watch.
   */
  static List<String> earlyDeaths(Harness harness, List<String> started) {
    if (started.isEmpty() || WATCH_MILLIS == 0) {
      return List.of();
    }
    Map<String, Status.Row> died = new LinkedHashMap<>();
    // restarts counted from the first look: right after a down and up the file may still carry
    // the previous run's count, which is no death of this start
    Map<String, Integer> restartsAtFirstLook = new HashMap<>();
    long deadline = System.currentTimeMillis() + WATCH_MILLIS;
    while (true) {
      for (Status.Row row : harness.status().agents()) {
        int before = restartsAtFirstLook.computeIfAbsent(row.name(), n -> row.restarts());
        if (started.contains(row.name()) && (!row.state().equals("running") || row.restarts() > before || died.containsKey(row.name()))) {
          died.put(row.name(), row);
        }
      }
      // the whole window, even when all died: right after the reply the state file may still lag
      // behind tmux, and the last look gives the state the watchdog settled on
      if (System.currentTimeMillis() >= deadline) {
        break;
      }
      Procs.sleep(200);
    }
    List<String> lines = new ArrayList<>();
    died.values().forEach(r -> lines.add("agent " + r.name() + " died within " + seconds() + " of starting: state "
        + r.state() + ", last exit " + (r.lastExit() == null ? "-" : r.lastExit())
        + " (engine/agents logs " + r.name() + ")"));
    return lines;
  }

  static long watchMillis(String seconds) {
    try {
      return seconds == null || seconds.isBlank() ? 2000 : Math.max(0, Math.round(Double.parseDouble(seconds) * 1000));
    } catch (NumberFormatException e) {
      return 2000;
    }
  }

  private static String seconds() {
    return WATCH_MILLIS % 1000 == 0 ? WATCH_MILLIS / 1000 + "s" : WATCH_MILLIS / 1000.0 + "s";
  }
}
