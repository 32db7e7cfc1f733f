package dev.po.local;

import dev.po.PoException;
import dev.po.git.PinChange;
import dev.po.host.Target;
import dev.po.host.UpdateRequest;
import dev.po.project.HarnessState;
import dev.po.project.ProjectException;
import dev.po.project.UpdateResult;
import dev.po.project.Verb;
import java.util.List;

/** An update on this machine, the ref checked: the pin moves, then the recorder records it. */
final class LocalUpdate {
  private LocalUpdate() {}

  @SuppressWarnings("try") // the lock is held for the block, not read
  static UpdateResult call(LocalHost host, UpdateRequest u) {
    Target project = u.target();
    String ref = u.ref();
    boolean restart = u.restart();
    String name = project.name();
    String harness = project.harness().name();
    // the whole update, restart included, holds the project: a second command is refused
    try (ProjectLock held = ProjectLock.take(name, project.root(), "update " + name + " " + ref)) {
      HarnessState stateBefore = restart ? host.state(project) : HarnessState.UNKNOWN;
      String from;
      boolean drifted;
      String to;
      String commit;
      try (PinChange change = open(project)) {
        List<String> problems = change.problems();
        if (!problems.isEmpty()) {
          throw new ProjectException("project " + name + ": not updating, " + String.join("; ", problems));
        }
        from = change.pinned();
        try {
          change.fetch();
          drifted = from != null && !from.equals(resolveOrNull(change, project.entry().ref()));
          to = change.resolve(ref);
          if (to == null) {
            throw new ProjectException(
                "project " + name + ": no tag, branch or commit '" + ref + "' in harness " + harness);
          }
          commit = change.pin(to, "Pin " + harness + " at " + ref + "\n");
          u.recorder().record(null);
        } catch (RuntimeException e) {
          try {
            change.restore();
          } catch (PoException restoreFailure) {
            e.addSuppressed(restoreFailure);
            throw new ProjectException(
                "project " + name + ": update to " + ref + " failed (" + e.getMessage() + ") and " + restoreFailure.getMessage(), e);
          }
          if (e instanceof ProjectException) {
            throw e;
          }
          throw new ProjectException(
              "project " + name + ": update to " + ref + " failed, nothing changed: " + e.getMessage(), e);
        }
      }
      boolean restarted = false;
      if (restart && (stateBefore == HarnessState.RUNNING || stateBefore == HarnessState.DEGRADED)) {
        try {
          host.launch(project, Verb.STOP);
          host.launch(project, Verb.START);
        } catch (PoException e) {
          throw new ProjectException(
              "project " + name + ": pinned at " + ref + " and registered, but the restart failed: " + e.getMessage(), e);
        }
        restarted = true;
      }
      return new UpdateResult(name, project.entry().ref(), ref, from, to, commit, restarted, drifted);
    }
  }

  /** The commit the registry's old ref names now, or null when it names none (it is only a label). */
  private static String resolveOrNull(PinChange change, String oldRef) {
    try {
      return change.resolve(oldRef);
    } catch (PoException e) {
      return null;
    }
  }

  private static PinChange open(Target project) {
    try {
      return PinChange.open(project.root());
    } catch (PoException e) {
      throw new ProjectException("project " + project.name() + ": " + e.getMessage(), e);
    }
  }
}
