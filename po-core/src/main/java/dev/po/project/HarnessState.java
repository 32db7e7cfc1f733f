package dev.po.project;

import java.util.Locale;

/** What a project's harness is doing, as its status file and live processes tell. */
public enum HarnessState {
  /** The watchdog and every agent are alive. */
  RUNNING,
  /** The harness is up but an agent is dead, backing off or crash-looping, or the watchdog died. */
  DEGRADED,
  /** Nothing of the harness runs. */
  STOPPED,
  /** No status file, or one that cannot be read. */
  UNKNOWN,
  /** The project's host could not be reached (or its po could not run there): nothing is known. */
  UNREACHABLE;

  /** The lower-case word used in tables and JSON. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
