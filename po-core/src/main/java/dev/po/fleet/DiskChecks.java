package dev.po.fleet;

import dev.po.PoException;
import dev.po.git.EngineReader;
import dev.po.git.Inspection;
import dev.po.git.OneRule;
import dev.po.process.Parallel;
import dev.po.process.CreateMarker;
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
    // a project on another host is checked there, by the host seam; its location means nothing here
    List<FleetParser.Located> local = parsed.projects().stream().filter(l -> !l.entry().remote()).toList();
    List<List<Problem>> each = Parallel.map(local, p -> check(file, paths, parsed, reader, p));
    List<Problem> all = new ArrayList<>();
    each.forEach(all::addAll);
    all.addAll(leftovers(file, folder, parsed));
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

  /** The hidden work folder {@code po create NAME} fills before renaming it into place. */
  private static final java.util.regex.Pattern WORK = java.util.regex.Pattern.compile("\\.(.+)\\.creating-[0-9a-f]+");

  /**
   * What creates that were killed left in every projects folder (the default one and the folder of
   * each registered project): their hidden work folders (a create that is running right now has
   * one too; it is gone when that create ends), and folders they were filling in place, known by a
   * marker no live create holds.
   */
  private static List<Problem> leftovers(Path file, Path folder, FleetParser.Parsed parsed) {
    java.util.Set<Path> folders = new java.util.TreeSet<>();
    Fleet paths = new Fleet(folder, parsed.defaults(), List.of(), List.of());
    folders.add(paths.defaultLocationOf("x").getParent());
    parsed.projects().forEach(p -> {
      Path parent = paths.pathOf(p.entry()).getParent();
      if (parent != null) {
        folders.add(parent);
      }
    });
    List<Problem> found = new ArrayList<>();
    for (Path f : folders) {
      try (java.nio.file.DirectoryStream<Path> all = java.nio.file.Files.newDirectoryStream(f, ".*.creating-*")) {
        for (Path p : all) {
          java.util.regex.Matcher m = WORK.matcher(p.getFileName().toString());
          if (m.matches() && java.nio.file.Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            found.add(new Problem(file, 0, 0, "leftover folder " + p + " of an interrupted 'po create " + m.group(1)
                + "': the next 'po create " + m.group(1) + "' removes it"));
          }
        }
      } catch (java.io.IOException | RuntimeException e) {
        // a projects folder that is missing or unreadable has no leftovers to name
      }
      found.addAll(halfFilled(file, f));
    }
    return found;
  }

  /** Folders in {@code parent} that a killed create was filling in place (an empty folder it was given, or its own after the rename). */
  private static List<Problem> halfFilled(Path file, Path parent) {
    List<Problem> found = new ArrayList<>();
    try (java.nio.file.DirectoryStream<Path> all = java.nio.file.Files.newDirectoryStream(parent)) {
      for (Path p : all) {
        if (WORK.matcher(p.getFileName().toString()).matches() || !java.nio.file.Files.isDirectory(p)) {
          continue;
        }
        String command = CreateMarker.left(p);
        if (command != null) {
          found.add(new Problem(file, 0, 0, "half-made project in " + p + " of an interrupted "
              + (command.isEmpty() ? "po create: run that po create again with --location " + p
                  : "'" + command + "': run that command again")
              + " (it empties the folder and fills it)"));
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // as above
    }
    return found;
  }

  private static List<Problem> check(
      Path file, Fleet paths, FleetParser.Parsed parsed, EngineReader reader, FleetParser.Located located) {
    List<Problem> problems = new ArrayList<>();
    ProjectEntry p = located.entry();
    Inspection inspection = reader.inspect(paths.pathOf(p));
    if (inspection.kind() == Inspection.Kind.MISSING) {
      problems.add(at(file, located.location(), about(p, inspection.problem()
          + ": correct location, or run 'po fleet unregister " + p.name() + "' if the project is retired")));
    } else if (inspection.kind() != Inspection.Kind.SOUND) {
      problems.add(at(file, located.location(), about(p, inspection.problem())));
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
        problems.add(at(file, located.header(), about(p, "breaks the one rule: " + violations.get(i))));
      }
      if (violations.size() > MAX_ONE_RULE_FILES) {
        problems.add(at(file, located.header(), about(p, "breaks the one rule in "
            + (violations.size() - MAX_ONE_RULE_FILES) + " more files")));
      }
    }
    return problems;
  }

  private static void drift(Path file, String url, EngineReader reader, FleetParser.Located located,
      Inspection inspection, List<Problem> problems) {
    ProjectEntry p = located.entry();
    String ref = p.ref();
    String commit;
    try {
      commit = reader.resolve(inspection, url, ref);
    } catch (PoException e) {
      problems.add(at(file, located.ref(), about(p, e.getMessage())));
      return;
    }
    if (commit == null) {
      problems.add(at(file, located.ref(), about(p, "ref '" + ref + "' is not known in the harness repository")));
    } else if (!commit.equals(inspection.pin())) {
      problems.add(at(file, located.ref(), drift(p, reader, inspection, url, commit)));
    }
  }

  /**
   * Either side may be the one to keep, so both repairs are named; an update killed between its
   * commit and its registry write looks the same, and re-running it finishes it.
   */
  private static String drift(ProjectEntry p, EngineReader reader, Inspection inspection, String url, String commit) {
    String pin = inspection.pin();
    String pinName;
    try {
      pinName = reader.nameOf(inspection, url, pin, p.ref());
    } catch (RuntimeException e) {
      pinName = pin.substring(0, 7);
    }
    boolean tagged = !pin.startsWith(pinName);
    String pinnedAt = tagged ? pinName + " (" + pin.substring(0, 7) + ")" : pin.substring(0, 7);
    String keep = tagged ? pinName : pin;
    return about(p, "engine pinned at " + pinnedAt + ", the registry says " + p.ref() + " (" + commit.substring(0, 7)
        + "): run 'po update " + p.name() + " " + p.ref() + "' or set ref = \"" + keep
        + "\" (an interrupted po update finishes when run again)");
  }

  private static String about(ProjectEntry p, String message) {
    return "project " + p.name() + ": " + message;
  }

  private static Problem at(Path file, int[] pos, String message) {
    return new Problem(file, pos[0], pos[1], message);
  }
}
