package dev.po.host;

import dev.po.fleet.ProjectEntry;
import java.util.Objects;

/** One project of a start or stop; {@code force} starts it even when the registry disables it. */
public record LaunchItem(ProjectEntry entry, boolean force) {
  public LaunchItem {
    Objects.requireNonNull(entry, "entry");
  }
}
