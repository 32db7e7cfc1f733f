package dev.po.fleet;

import dev.po.git.EngineReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Internal: {@code validate}'s checks of the disk, run by the po on another host for that host's
 * projects. The projects are written as a registry text of their own and put through the very
 * checks a local validate makes, then each problem is tied back to its project and key, for the
 * asking po to place at the right line of its own fleet.toml. Not part of po-core's API.
 */
public final class HostSideChecks {
  private HostSideChecks() {}

  /**
   * One problem of one project.
   *
   * @param project the project name
   * @param key {@code location}, {@code ref}, or {@code null} for the project's table
   * @param message as a local validate says it
   */
  public record Finding(String project, String key, String message) {}

  /** Every problem of {@code fleet}'s projects on this machine, and of harness urls it cannot read. */
  public static List<Finding> check(Fleet fleet) {
    Path file = fleet.folder().resolve("fleet.toml"); // named in no message: never read, never written
    String text = FleetEditor.edit("", Fleet.empty(fleet.folder()), new Fleet(fleet.folder(), null, fleet.harnesses(), fleet.projects()));
    FleetParser.Parsed parsed = FleetParser.parse(file, fleet.folder(), text);
    List<Finding> out = new ArrayList<>();
    for (Problem p : parsed.problems()) {
      out.add(new Finding(null, null, p.message()));
    }
    for (Problem p : DiskChecks.check(file, fleet.folder(), parsed)) {
      out.add(locate(parsed, p));
    }
    EngineReader reader = new EngineReader();
    for (Harness h : fleet.harnesses()) {
      if (!meansTheSameElsewhere(h.url())) {
        continue; // the asking po reports it: the url is a path on its machine
      }
      String url = fleet.harnessUrl(h);
      String why = reader.unreadable(url);
      if (why != null) {
        for (ProjectEntry p : fleet.projects()) {
          if (h.name().equals(p.harness())) {
            out.add(new Finding(p.name(), null, "harness '" + h.name() + "' url " + url + " cannot be read there: " + why));
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether a harness url can mean the same on another host: a URL, an scp-like address, an
   * absolute path or {@code ~/...}; a relative path is relative to fleet.toml's folder, here.
   */
  public static boolean meansTheSameElsewhere(String url) {
    int colon = url.indexOf(':');
    int slash = url.indexOf('/');
    return url.contains("://") || (colon > 0 && (slash < 0 || colon < slash)) || url.startsWith("/")
        || url.equals("~") || url.startsWith("~/");
  }

  private static Finding locate(FleetParser.Parsed parsed, Problem p) {
    for (FleetParser.Located l : parsed.projects()) {
      if (l.location()[0] == p.line()) {
        return new Finding(l.entry().name(), "location", p.message());
      }
      if (l.ref()[0] == p.line()) {
        return new Finding(l.entry().name(), "ref", p.message());
      }
      if (l.header()[0] == p.line()) {
        return new Finding(l.entry().name(), null, p.message());
      }
    }
    return new Finding(null, null, p.message());
  }
}
