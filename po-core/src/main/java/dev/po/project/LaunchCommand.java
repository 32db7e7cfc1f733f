package dev.po.project;

import dev.po.Po;
import dev.po.PoException;
import dev.po.fleet.Fleet;
import dev.po.fleet.ProjectEntry;
import dev.po.host.Hosts;
import dev.po.host.LaunchItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

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
  private final Po po;
  private final Verb verb;
  private final List<String> names;
  private boolean all;
  private boolean force;
  private boolean parallel = true;
  private Consumer<LaunchResult> onEach = r -> {};

  /** {@code verb} of the projects {@code names} of {@code po}'s fleet; {@link Po#start} and {@link Po#stop} give one. */
  public LaunchCommand(Po po, Verb verb, List<String> names) {
    this.po = Objects.requireNonNull(po, "po");
    this.verb = Objects.requireNonNull(verb, "verb");
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
    Fleet fleet = po.registry().read();
    // one slot per project in the summary's order: decided here (skipped, unknown), or filled by
    // its host, each host taking all of its projects at once
    List<LaunchResult> results = new ArrayList<>();
    List<LaunchItem> items = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    if (all) {
      for (ProjectEntry p : fleet.projects()) {
        Project project = new Project(po, fleet, p);
        if (p.enabled() || (verb == Verb.STOP && project.host().mayRun(project.target()))) {
          slots.add(results.size());
          results.add(null);
          items.add(new LaunchItem(p, false));
        } else {
          results.add(decided(LaunchResult.skipped(p.name(), verb, verb == Verb.STOP ? "disabled, not running" : "disabled")));
        }
      }
    } else {
      for (String name : names) {
        ProjectEntry p = fleet.project(name).orElse(null);
        if (p == null) {
          results.add(decided(LaunchResult.failed(name, verb, "no project '" + name + "' in the fleet registry")));
        } else if (verb == Verb.START && !p.enabled() && !force) {
          results.add(decided(LaunchResult.failed(name, verb, Project.disabled(name))));
        } else {
          slots.add(results.size());
          results.add(null);
          items.add(new LaunchItem(p, force));
        }
      }
    }
    List<LaunchResult> launched = items.isEmpty() ? List.of() : Hosts.launch(fleet, verb, items, Project.settings(po), parallel, onEach);
    for (int i = 0; i < slots.size(); i++) {
      results.set(slots.get(i), launched.get(i));
    }
    return new LaunchSummary(verb, results);
  }

  /** A result known without running anything, told as any other. */
  private LaunchResult decided(LaunchResult r) {
    onEach.accept(r);
    return r;
  }
}
