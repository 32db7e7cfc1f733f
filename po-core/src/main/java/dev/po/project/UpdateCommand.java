package dev.po.project;

import dev.po.PoException;
import dev.po.fleet.Names;
import dev.po.git.PinChange;
import java.util.List;
import java.util.Objects;

/**
 * Moves a project's engine pin to another ref: fetches in {@code engine/}, checks the ref out,
 * commits only the engine gitlink, then records the ref in the registry. Refused when the project
 * has staged changes or {@code engine/} has local edits. On any failure the project's HEAD, index and
 * engine checkout, and the registry, are as they were.
 *
 * <pre>{@code
 * UpdateResult r = po.project("my-project").update("v0.2.0").setRestart(true).call();
 * }</pre>
 */
public final class UpdateCommand {
  private final Lifecycle lifecycle;
  private final Project project;
  private final String ref;
  private boolean restart;
  private Runnable beforeRegistryWrite = () -> {};
  private java.util.function.Consumer<String> record;

  UpdateCommand(Lifecycle lifecycle, Project project, String ref) {
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    this.project = Objects.requireNonNull(project, "project");
    this.ref = ref;
  }

  /** Restart the harness afterwards when it was running (or degraded); default {@code false}. */
  public UpdateCommand setRestart(boolean restart) {
    this.restart = restart;
    return this;
  }

  /** Test seam: runs between the project commit and the registry write. */
  UpdateCommand beforeRegistryWrite(Runnable hook) {
    this.beforeRegistryWrite = Objects.requireNonNull(hook, "hook");
    return this;
  }

  /** On another host: the asking po records the ref, and says whether it could. */
  UpdateCommand recordWith(java.util.function.Consumer<String> how) {
    this.record = Objects.requireNonNull(how, "how");
    return this;
  }

  public UpdateResult call() {
    String name = project.name();
    if (ref == null || ref.isBlank()) {
      throw new ProjectException("project " + name + ": a ref (tag, branch or commit) is required");
    }
    if (!Names.isValidRef(ref)) {
      // refused before anything is read or changed: an expression would be committed as a pin
      // and recorded, and then mean something else to status
      throw new ProjectException("project " + name + ": " + Names.invalidRef(ref));
    }
    return project.host().update(this);
  }

  Lifecycle lifecycle() {
    return lifecycle;
  }

  Project project() {
    return project;
  }

  String ref() {
    return ref;
  }

  boolean restart() {
    return restart;
  }

  Runnable beforeRegistryWrite() {
    return beforeRegistryWrite;
  }

  /** {@link #call()} on this machine, the ref checked: the pin moves, then the registry records it. */
  @SuppressWarnings("try") // the lock is held for the block, not read
  UpdateResult pinHere() {
    String name = project.name();
    String harness = project.harness().name();
    // the whole update, restart included, holds the project: a second command is refused
    try (ProjectLock held = project.hold("update " + name + " " + ref)) {
      HarnessState stateBefore = restart ? project.state() : HarnessState.UNKNOWN;
      String from;
      boolean drifted;
      String to;
      String commit;
      try (PinChange change = open(name)) {
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
          beforeRegistryWrite.run();
          if (record == null) {
            lifecycle.registry().edit(f -> f.withRef(name, ref));
          } else {
            record.accept(ref);
          }
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
          project.stop();
          project.start(true);
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

  private PinChange open(String name) {
    try {
      return PinChange.open(project.root());
    } catch (PoException e) {
      throw new ProjectException("project " + name + ": " + e.getMessage(), e);
    }
  }
}
