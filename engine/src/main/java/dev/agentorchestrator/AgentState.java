package dev.agentorchestrator;

/** What the harness remembers of one agent between processes (kept in {@code .ao-state/state.json}). */
final class AgentState {

  /** Consecutive quick deaths from which an agent is reported as {@code crashloop}. */
  static final int CRASHLOOP_AFTER = 4;
  static final long BACKOFF_BASE_MILLIS = 500;
  static final long BACKOFF_CAP_MILLIS = 60_000;
  /**
   * An agent that ran this long before dying starts its back-off from scratch: 30 s, or
   * AO_STABLE_SECONDS in the watchdog's environment.
   */
  static final long STABLE_MILLIS = stableMillis(System.getenv("AO_STABLE_SECONDS"));

  boolean up;
  int restarts;
  int failures;
  Integer lastExit;
  long pid;
  long startedAt;
  long nextAttemptAt;

  /** Forgets restarts and back-off, as a manual {@code up} does. */
  void reset() {
    restarts = 0;
    failures = 0;
    lastExit = null;
    nextAttemptAt = 0;
  }

  /** The wait before restarting after {@code failures} consecutive quick deaths: 0, 0.5 s, 1 s, 2 s... capped. */
  static long backoffMillis(int failures) {
    if (failures <= 1) {
      return 0;
    }
    int shift = Math.min(failures - 2, 20);
    return Math.min(BACKOFF_BASE_MILLIS << shift, BACKOFF_CAP_MILLIS);
  }

  static long stableMillis(String seconds) {
    return secondsToMillis(seconds, 30_000);
  }

  /** A number of seconds from the environment, in milliseconds; {@code otherwise} when unset or not a number. */
  static long secondsToMillis(String seconds, long otherwise) {
    try {
      return seconds == null ? otherwise : Math.max(0, Math.round(Double.parseDouble(seconds) * 1000));
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  boolean crashloop() {
    return failures >= CRASHLOOP_AFTER;
  }
}
