package dev.po.project;

import dev.po.Po;
import dev.po.PoException;
import dev.po.fleet.Fleet;
import dev.po.fleet.ProjectEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Moves every enabled project whose registry ref is {@code from} to a new ref, one at a time in
 * registry order, each by {@link UpdateCommand} (all or nothing per project). With
 * {@link #setRestart}, a project whose harness was running is restarted and must then stay
 * {@code running} for the settle time before the next one starts. The first failure stops the roll
 * unless {@link #setKeepGoing}; the projects after it are reported as not attempted.
 *
 * <pre>{@code
 * RollSummary s = po.update("v0.2.0").setAll(true).setFrom("v0.1.0").setRestart(true).call();
 * System.out.println(s.line());     // moved 3, failed 0, not attempted 0
 * }</pre>
 */
public final class RollingUpdateCommand {
  /** How long a restarted project must stay running before the next one moves, unless told. */
  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(10);
  /**
   * How much longer than the settle time a restarted harness may take to be running that long:
   * agents come up within seconds of {@code up}; past this the project is not coming up well.
   */
  public static final Duration SETTLE_GRACE = Duration.ofSeconds(60);

  private static final long POLL_MILLIS = 250;

  private final Po po;
  private final String to;
  private String from;
  private boolean all;
  private boolean restart;
  private boolean keepGoing;
  private Duration settle = DEFAULT_SETTLE;
  private Duration grace = SETTLE_GRACE;
  private Consumer<RollResult> listener = r -> {};

  /** A roll of {@code po}'s fleet to {@code to}; {@link Po#update} gives one. */
  public RollingUpdateCommand(Po po, String to) {
    this.po = Objects.requireNonNull(po, "po");
    this.to = to;
  }

  /** Every enabled project whose ref is {@link #setFrom}; required (one project: {@code Project.update}). */
  public RollingUpdateCommand setAll(boolean all) {
    this.all = all;
    return this;
  }

  /** The ref, exactly as the registry records it, of the projects to move; required. */
  public RollingUpdateCommand setFrom(String from) {
    this.from = from;
    return this;
  }

  /** Restart each project whose harness was running, and let it settle; default {@code false}. */
  public RollingUpdateCommand setRestart(boolean restart) {
    this.restart = restart;
    return this;
  }

  /** How long a restarted project must stay running before the next; default ten seconds. */
  public RollingUpdateCommand setSettle(Duration settle) {
    Objects.requireNonNull(settle, "settle");
    if (settle.isNegative()) {
      throw new IllegalArgumentException("settle (" + settle + ") must not be negative");
    }
    this.settle = settle;
    return this;
  }

  /** Go on past a failed project instead of stopping the roll; default {@code false}. */
  public RollingUpdateCommand setKeepGoing(boolean keepGoing) {
    this.keepGoing = keepGoing;
    return this;
  }

  /** Told of each project as it finishes (and of those not attempted, at the end). */
  public RollingUpdateCommand setListener(Consumer<RollResult> listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Test seam: a shorter grace than {@link #SETTLE_GRACE}. */
  RollingUpdateCommand settleGrace(Duration grace) {
    this.grace = Objects.requireNonNull(grace, "grace");
    return this;
  }

  /** Runs the roll; throws only for a bad request or when the registry cannot be read. */
  public RollSummary call() {
    if (!all) {
      throw new PoException("a rolling update moves every enabled project at a ref: use --all (one project: po update NAME REF)");
    }
    if (from == null || from.isBlank()) {
      throw new PoException("a rolling update needs --from OLD_REF: the ref the projects to move are at");
    }
    if (to == null || to.isBlank()) {
      throw new PoException("a rolling update needs NEW_REF: the ref to move the projects to");
    }
    Fleet fleet = po.registry().read();
    List<String> chosen = fleet.projects().stream()
        .filter(p -> p.enabled() && p.ref().equals(from))
        .map(ProjectEntry::name)
        .toList();
    List<RollResult> results = new ArrayList<>();
    boolean stopped = false;
    for (String name : chosen) {
      RollResult r;
      if (stopped) {
        r = new RollResult(name, RollResult.Outcome.NOT_ATTEMPTED, "not attempted: an earlier project failed", null);
      } else {
        r = move(name);
        stopped = r.outcome() == RollResult.Outcome.FAILED && !keepGoing;
      }
      results.add(r);
      listener.accept(r);
    }
    return new RollSummary(from, to, results);
  }

  private RollResult move(String name) {
    UpdateResult u;
    try {
      // a fresh handle: the registry changes as the roll goes
      u = po.project(name).update(to).setRestart(restart).call();
    } catch (PoException e) {
      return new RollResult(name, RollResult.Outcome.FAILED, e.getMessage(), null);
    }
    String moved = from + " -> " + to + (u.restarted() ? ", restarted" : "");
    if (!u.restarted()) {
      return new RollResult(name, RollResult.Outcome.MOVED, moved, u);
    }
    String unsettled = settle(po.project(name));
    if (unsettled != null) {
      return new RollResult(name, RollResult.Outcome.FAILED, "project " + name + ": moved " + moved + ", but " + unsettled, u);
    }
    return new RollResult(name, RollResult.Outcome.MOVED, moved + ", running " + settle.toSeconds() + "s", u);
  }

  /**
   * Waits until the harness has been {@code running} for the settle time without a break; returns
   * why it did not within the grace, or {@code null}.
   */
  private String settle(Project p) {
    long deadline = System.nanoTime() + settle.plus(grace).toNanos();
    long runningSince = -1;
    HarnessState last;
    while (true) {
      last = p.state();
      long now = System.nanoTime();
      if (last == HarnessState.RUNNING) {
        if (runningSince < 0) {
          runningSince = now;
        }
        if (now - runningSince >= settle.toNanos()) {
          return null;
        }
      } else {
        runningSince = -1;
      }
      if (now > deadline) {
        return "it was not running for " + settle.toSeconds() + "s in a row within "
            + settle.plus(grace).toSeconds() + "s (" + last.word() + " now)";
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted while waiting for it to settle (" + last.word() + ")";
      }
    }
  }
}
