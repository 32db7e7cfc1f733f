package dev.po.project;

import dev.po.fleet.Names;
import dev.po.host.UpdateRequest;
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
  private final Project project;
  private final String ref;
  private boolean restart;
  private Runnable beforeRegistryWrite = () -> {};

  UpdateCommand(Project project, String ref) {
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
    // the host moves the pin (here, or there over ssh) and says when; the registry is written here
    return project.host().update(new UpdateRequest(project.target(), ref, restart, unused -> {
      beforeRegistryWrite.run();
      project.po().registry().edit(f -> f.withRef(name, ref));
    }));
  }
}
