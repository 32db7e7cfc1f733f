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
  UNKNOWN,
  /** The project's host could not be reached (or its po could not run there): nothing is known. */
  UNREACHABLE;

  /** The lower-case word used in tables and JSON. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state whose {@link #word()} is {@code word}. */
  public static HarnessState ofWord(String word) {
    for (HarnessState s : values()) {
      if (s.word().equals(word)) {
        return s;
      }
    }
    throw new IllegalArgumentException("state '" + word + "' is not one of running, degraded, stopped, unknown, unreachable");
  }
}
