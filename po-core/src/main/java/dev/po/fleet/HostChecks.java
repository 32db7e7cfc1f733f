package dev.po.fleet;

import dev.po.git.EngineReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code validate}'s checks of the disk for a fleet without a registry file (the projects the po
 * of another host is asked about): the projects are written as a registry text of their own and
 * put through the very checks a local validate makes, then each problem is tied back to its
 * project and key, for the asking po to place at the right line of its own fleet.toml.
 */
final class HostChecks {
  private HostChecks() {}

  /** Every problem of {@code fleet}'s projects on this machine, and of harness urls it cannot read. */
  static List<Finding> check(Fleet fleet) {
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
      if (!h.meansTheSameElsewhere()) {
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
