package dev.po.project;

import java.util.Locale;

/** What a project's harness is doing, as its status file and live processes tell. */
public enum HarnessState {
  /** The watchdog and every agent are alive. */
  RUNNING,
  /** The harness is up but an agent is dead, backing off or crash-looping, or the watchdog died. */
  DEGRADED,
  /** Nothing of the harness runs, or it was never started (the harness's own word for both). */
  STOPPED,
  /** A status file that cannot be read, or a location that is not a folder. */
  UNKNOWN;

  /** The lower-case word used in tables and JSON. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
