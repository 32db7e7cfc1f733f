package dev.po.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.po.cli.Json;
import dev.po.cli.Table;
import dev.po.fleet.Fleet;
import dev.po.fleet.ProjectEntry;
import dev.po.project.HarnessStatus;
import dev.po.project.ProjectStatus;
import java.nio.file.Path;
import java.util.List;

/** How registry entries and statuses look in tables and JSON; the field orders are documented. */
final class Views {
  private Views() {}

  /**
   * {@code name, location, harness, ref, enabled, host}; harness as resolved (own or default), host
   * null for this machine.
   */
  static ObjectNode entry(Fleet fleet, ProjectEntry p) {
    ObjectNode o = Json.object();
    o.put("name", p.name());
    o.put("location", p.location());
    o.put("harness", fleet.harnessNameOf(p).orElse(null));
    o.put("ref", p.ref());
    o.put("enabled", p.enabled());
    o.put("host", p.host());
    return o;
  }

  /**
   * {@code name, enabled, harness, ref, path, exists, sound, problem, pin, pinName, drift, state,
   * host, agents}: po-core's one shape of a status ({@code ProjectStatus#toJson}), which the po on
   * another host answers with too.
   */
  static JsonNode status(ProjectStatus s) {
    return Json.of(s.toJson());
  }

  /** The agents' table of {@code status --agents}: a row per agent of each project. */
  static Table agents(List<ProjectStatus> all) {
    Table t = new Table("PROJECT", "AGENT", "STATE", "PID", "UPTIME", "RESTARTS", "LAST EXIT");
    for (ProjectStatus s : all) {
      for (HarnessStatus.Agent a : s.agents()) {
        t.row(s.name(), a.name(), a.stateNow(), a.alive() ? Long.toString(a.pid()) : "-",
            a.uptimeSeconds() == null ? "-" : duration(a.uptimeSeconds()), Integer.toString(a.restarts()),
            a.lastExit() == null ? "-" : a.lastExit().toString());
      }
    }
    return t;
  }

  /** An uptime as the harness's own status shows it: 42s, 17m, 5h, 3d. */
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

  /** Instead of a table with no rows. */
  static String none(Path fleetFile) {
    return "no projects registered in " + fleetFile;
  }

  static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  /** {@code harness@ref}, or the ref alone when no harness resolves. */
  static String harnessAtRef(String harness, String ref) {
    return harness == null ? ref : harness + "@" + ref;
  }

  /** The pin's tag or short commit, with {@code *} when it drifts from the ref; {@code -} without. */
  static String pin(ProjectStatus s) {
    if (s.pinName() == null) {
      return "-";
    }
    return s.drift() ? s.pinName() + "*" : s.pinName();
  }
}
