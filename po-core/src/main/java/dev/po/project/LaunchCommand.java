package dev.po.project;

import dev.po.PoException;
import dev.po.fleet.Fleet;
import dev.po.fleet.ProjectEntry;
import dev.po.git.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Starts or stops several projects: the named ones, or every enabled one with {@link #setAll}. One
 * project failing does not stop the others; {@link #call()} reports each in a {@link LaunchSummary},
 * in the order named (or registered). Launchers of different projects run a few at a time.
 *
 * <pre>{@code
 * LaunchSummary s = po.start().setAll(true).call();
 * s.failed().forEach(r -> System.err.println(r.project() + ": " + r.message()));
 * }</pre>
 */
public final class LaunchCommand {
  static final String START = "start";
  static final String STOP = "stop";

  private final Lifecycle lifecycle;
  private final String verb;
  private final List<String> names;
  private boolean all;
  private boolean force;
  private boolean parallel = true;
  private Consumer<LaunchResult> onEach = r -> {};

  LaunchCommand(Lifecycle lifecycle, String verb, List<String> names) {
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    this.verb = verb;
    this.names = List.copyOf(new LinkedHashSet<>(names));
  }

  /**
   * Every enabled project, in registry order; disabled ones are reported as skipped, except that
   * {@code stop} also stops a disabled project whose harness is not stopped.
   */
  public LaunchCommand setAll(boolean all) {
    this.all = all;
    return this;
  }

  /** Start named projects even when the registry disables them. */
  public LaunchCommand setForce(boolean force) {
    this.force = force;
    return this;
  }

  /**
   * Whether launchers of different projects run a few at a time (the default) or one by one. A
   * launcher mostly waits (for its JVM, for the watchdog to answer), so a few at once finish sooner.
   */
  public LaunchCommand setParallel(boolean parallel) {
    this.parallel = parallel;
    return this;
  }

  /**
   * Called with each project's result as soon as it is known (launchers finish in any order), on
   * the thread that ran it; for progress while the rest still run. The summary is unaffected.
   */
  public LaunchCommand setOnEach(Consumer<LaunchResult> onEach) {
    this.onEach = Objects.requireNonNull(onEach, "onEach");
    return this;
  }

  /**
   * Runs the launcher for each project, a few at a time; the summary lists them in order. Throws
   * only when the registry cannot be read.
   */
  public LaunchSummary call() {
    if (all == !names.isEmpty()) {
      throw new PoException(all ? "name projects or use --all, not both" : "name a project, or use --all");
    }
    Fleet fleet = lifecycle.registry().read();
    // one slot per project in the summary's order; a project on another host is filled in by its
    // host's single round trip
    List<Supplier<LaunchResult>> tasks = new ArrayList<>();
    List<Wire.Item> remote = new ArrayList<>();
    List<Integer> remoteSlots = new ArrayList<>();
    if (all) {
      for (ProjectEntry p : fleet.projects()) {
        if (p.remote() && (p.enabled() || verb.equals(STOP))) {
          // a disabled project elsewhere is stopped too: down is harmless where nothing runs
          remoteSlots.add(tasks.size());
          tasks.add(null);
          remote.add(new Wire.Item(p, false));
        } else if (p.remote()) {
          tasks.add(() -> LaunchResult.skipped(p.name(), verb, "disabled"));
        } else {
          Project project = new Project(lifecycle, fleet, p);
          tasks.add(
              p.enabled() || (verb.equals(STOP) && mayRun(project))
                  ? () -> run(verb, project, false)
                  : () -> LaunchResult.skipped(p.name(), verb, verb.equals(STOP) ? "disabled, not running" : "disabled"));
        }
      }
    } else {
      for (String name : names) {
        ProjectEntry p = fleet.project(name).orElse(null);
        if (p == null) {
          tasks.add(() -> LaunchResult.failed(name, verb, "no project '" + name + "' in the fleet registry"));
        } else if (p.remote() && (p.enabled() || force || verb.equals(STOP))) {
          remoteSlots.add(tasks.size());
          tasks.add(null);
          remote.add(new Wire.Item(p, force));
        } else {
          tasks.add(() -> run(verb, new Project(lifecycle, fleet, p), force));
        }
      }
    }
    List<Supplier<LaunchResult>> local = tasks.stream().filter(java.util.Objects::nonNull).toList();
    List<LaunchResult> localResults = runAll(local);
    List<LaunchResult> remoteResults = remote.isEmpty() ? List.of() : Hosts.launch(lifecycle, fleet, verb, remote);
    List<LaunchResult> results = new ArrayList<>();
    int l = 0;
    for (int i = 0; i < tasks.size(); i++) {
      int r = remoteSlots.indexOf(i);
      results.add(r >= 0 ? find(remoteResults, remote.get(r).entry().name()) : localResults.get(l++));
    }
    return new LaunchSummary(verb, results);
  }

  private LaunchResult find(List<LaunchResult> results, String project) {
    return results.stream().filter(x -> x.project().equals(project)).findFirst()
        .orElse(LaunchResult.failed(project, verb, "no answer for " + project + " from its host"));
  }

  /**
   * Whether a disabled project may have agents running, so that {@code stop --all} stops it:
   * disabling keeps a project out of {@code start --all}, not out of "stop everything". Only a
   * project whose harness never ran there (no {@code .ao-state/}) or says it is stopped is left
   * alone; an unreadable state is stopped, since {@code down} is harmless when nothing runs.
   */
  private static boolean mayRun(Project p) {
    return java.nio.file.Files.isDirectory(p.root().resolve(".ao-state")) && p.state() != HarnessState.STOPPED;
  }

  private List<LaunchResult> runAll(List<Supplier<LaunchResult>> tasks) {
    Function<Supplier<LaunchResult>, LaunchResult> each = t -> {
      LaunchResult r = t.get();
      onEach.accept(r);
      return r;
    };
    return parallel ? Parallel.map(tasks, each) : tasks.stream().map(each).toList();
  }

  /** Runs one project's launcher; a failure is a result, not an exception. */
  static LaunchResult run(String verb, Project p, boolean forced) {
    try {
      return verb.equals(START) ? p.start(forced) : p.stop();
    } catch (LaunchException e) {
      return new LaunchResult(p.name(), verb, LaunchResult.Outcome.FAILED, e.getMessage(), e.output(), null);
    } catch (PoException e) {
      return LaunchResult.failed(p.name(), verb, e.getMessage());
    }
  }
}
