package dev.po.local;

import dev.po.PoException;
import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import dev.po.fleet.ProjectEntry;
import dev.po.git.EngineReader;
import dev.po.git.Inspection;
import dev.po.process.Parallel;
import dev.po.project.HarnessStatus;
import dev.po.project.ProjectStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Internal: computes {@link ProjectStatus} for registered projects, in process and in parallel. No
 * child process is started: each repository is opened with JGit, the engine gitlink read from
 * HEAD's tree, and the ref resolved in the project's engine repository (the harness URL is asked
 * only for refs no engine repository knows, once per URL). Use {@code Po.status} instead.
 */
public final class StatusReader {
  private StatusReader() {}

  /** The status of each of {@code projects} of {@code fleet}, in the same order. */
  public static List<ProjectStatus> read(Fleet fleet, List<ProjectEntry> projects) {
    EngineReader reader = new EngineReader();
    return Parallel.map(projects, p -> read(fleet, reader, p));
  }

  private static ProjectStatus read(Fleet fleet, EngineReader reader, ProjectEntry p) {
    Path path = fleet.pathOf(p);
    Inspection inspection = reader.inspect(path);
    String pin = inspection.pin();
    String pinName = null;
    boolean drift = false;
    Harness harness = fleet.harnessOf(p).orElse(null);
    if (pin != null) {
      pinName = pin.substring(0, 7);
      if (harness != null) {
        String url = fleet.harnessUrl(harness);
        try {
          String commit = reader.resolve(inspection, url, p.ref());
          // a ref nobody knows cannot be what the engine is pinned at
          drift = commit == null || !commit.equals(pin);
        } catch (PoException e) {
          // the harness repository is unreachable: drift is unknown, and status must still answer
          drift = false;
        }
        pinName = reader.nameOf(inspection, url, pin, p.ref());
      }
    }
    // a repository is a folder; only a location that is not one needs the extra look
    boolean folder = inspection.kind() == Inspection.Kind.SOUND || inspection.kind() == Inspection.Kind.NO_ENGINE
        || (inspection.exists() && Files.isDirectory(path));
    HarnessStatus harnessStatus = folder ? HarnessStates.read(path) : HarnessStatus.UNKNOWN;
    return new ProjectStatus(p.name(), p.enabled(), fleet.harnessNameOf(p).orElse(null), p.ref(), path,
        folder, inspection.problem(), pin, pinName, drift, harnessStatus.state(), harnessStatus.agents());
  }
}
