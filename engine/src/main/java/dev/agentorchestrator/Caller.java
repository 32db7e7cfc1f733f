package dev.agentorchestrator;

import java.time.Instant;
import java.util.Optional;

/**
 * The program that ran this verb, when it names itself in {@code AO_CALLER_PID}: a tool that runs
 * {@code up} or {@code down} for an operator, and may be killed while this verb still starts (the
 * launcher's first build alone takes a while). A verb whose caller has ended before the verb took
 * the project's lock does nothing: otherwise an {@code up} of a killed command could start the
 * agents after the operator's next command had stopped them. A verb that took the lock first
 * finishes, and the next command waits for it.
 */
final class Caller {
  /** The variable a calling program sets to its own pid; not passed on to what the harness starts. */
  static final String ENV = "AO_CALLER_PID";

  private Caller() {}

  /** Why this verb must not act: its caller has ended; empty when it is alive or none is named. */
  static Optional<String> gone() {
    String named = System.getenv(ENV);
    if (named == null || named.isBlank()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(named.trim());
    } catch (NumberFormatException e) {
      throw new HarnessException(ENV + "=" + named + ": not a process id");
    }
    Optional<ProcessHandle> caller = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    // a pid used again since: a process started after this verb cannot be the one that ran it
    Optional<Instant> us = ProcessHandle.current().info().startInstant();
    boolean alive = caller.isPresent() && !(us.isPresent()
        && caller.get().info().startInstant().map(t -> t.isAfter(us.get())).orElse(false));
    return alive ? Optional.empty()
        : Optional.of("the program that ran this verb (" + ENV + "=" + pid + ") has ended; nothing done");
  }

  /** Keeps the variable from what the harness starts: the watchdog, tmux and the agents outlive the caller. */
  static void forget(ProcessBuilder pb) {
    pb.environment().remove(ENV);
  }
}
