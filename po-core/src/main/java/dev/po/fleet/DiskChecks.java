package dev.po.fleet;

import dev.po.PoException;
import dev.po.git.EngineReader;
import dev.po.git.Inspection;
import dev.po.git.OneRule;
import dev.po.git.Parallel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks {@code validate} makes against the disk, for every project that parsed well enough:
 * location, repository, engine submodule, drift of the engine pin, and the one rule.
 */
final class DiskChecks {
  /** Beyond this many files breaking the one rule in one project, the rest are counted. */
  private static final int MAX_ONE_RULE_FILES = 5;

  private DiskChecks() {}

  static List<Problem> check(Path file, Path folder, FleetParser.Parsed parsed) {
    Fleet paths = Fleet.empty(folder);
    EngineReader reader = new EngineReader();
    List<List<Problem>> each = Parallel.map(parsed.projects(), p -> check(file, paths, parsed, reader, p));
    List<Problem> all = new ArrayList<>();
    each.forEach(all::addAll);
    all.addAll(sharedThroughLinks(file, paths, parsed));
    return all;
  }

  /**
   * Locations that differ as written but reach one folder (a symbolic link on the way): the file
   * check compares written paths, this one the disk's. Two projects in one folder would pin,
   * start and stop each other.
   */
  private static List<Problem> sharedThroughLinks(Path file, Fleet paths, FleetParser.Parsed parsed) {
    List<Problem> problems = new ArrayList<>();
    Map<Path, String> seen = new HashMap<>();
    for (FleetParser.Located l : parsed.projects()) {
      Path real;
      try {
        real = paths.pathOf(l.entry()).toRealPath();
      } catch (IOException e) {
        continue; // missing: reported on its own
      }
      String other = seen.putIfAbsent(real, l.entry().name());
      if (other != null) {
        ProjectEntry first = parsed.projects().stream().map(FleetParser.Located::entry)
            .filter(e -> e.name().equals(other)).findFirst().orElseThrow();
        if (!paths.pathOf(first).equals(paths.pathOf(l.entry()))) {
          problems.add(at(file, l.location(), "projects '" + other + "' and '" + l.entry().name() + "' share location "
              + real + " (through a symbolic link)"));
        }
      }
    }
    return problems;
  }

  private static List<Problem> check(
      Path file, Fleet paths, FleetParser.Parsed parsed, EngineReader reader, FleetParser.Located located) {
    List<Problem> problems = new ArrayList<>();
    ProjectEntry p = located.entry();
    Inspection inspection = reader.inspect(paths.pathOf(p));
    if (inspection.kind() != Inspection.Kind.SOUND) {
      problems.add(at(file, located.location(), inspection.problem()));
    }
    if (inspection.kind() == Inspection.Kind.SOUND) {
      String harnessName = p.harness() != null ? p.harness() : parsed.defaults().harness();
      Harness harness = harnessName == null ? null : parsed.harnesses().get(harnessName);
      if (harness != null) {
        drift(file, paths.harnessUrl(harness), reader, located, inspection, problems);
      }
    }
    if (inspection.kind() == Inspection.Kind.SOUND || inspection.kind() == Inspection.Kind.NO_ENGINE) {
      List<String> violations = OneRule.violations(inspection.root());
      for (int i = 0; i < violations.size() && i < MAX_ONE_RULE_FILES; i++) {
        problems.add(at(file, located.header(), "project '" + p.name() + "' breaks the one rule: " + violations.get(i)));
      }
      if (violations.size() > MAX_ONE_RULE_FILES) {
        problems.add(at(file, located.header(), "project '" + p.name() + "' breaks the one rule in "
            + (violations.size() - MAX_ONE_RULE_FILES) + " more files"));
      }
    }
    return problems;
  }

  private static void drift(Path file, String url, EngineReader reader, FleetParser.Located located,
      Inspection inspection, List<Problem> problems) {
    String ref = located.entry().ref();
    String commit;
    try {
      commit = reader.resolve(inspection, url, ref);
    } catch (PoException e) {
      problems.add(at(file, located.ref(), e.getMessage()));
      return;
    }
    if (commit == null) {
      problems.add(at(file, located.ref(), "ref '" + ref + "' is not known in the harness repository"));
    } else if (!commit.equals(inspection.pin())) {
      problems.add(at(file, located.ref(), "engine pin " + inspection.pin().substring(0, 7) + " is not " + ref
          + " (" + commit.substring(0, 7) + "): drift"));
    }
  }

  private static Problem at(Path file, int[] pos, String message) {
    return new Problem(file, pos[0], pos[1], message);
  }
}
