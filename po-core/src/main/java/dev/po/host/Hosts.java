package dev.po.host;

import dev.po.fleet.Fleet;
import dev.po.fleet.Problem;
import dev.po.fleet.ProjectEntry;
import dev.po.fleet.Registry;
import dev.po.local.LocalHost;
import dev.po.process.Parallel;
import dev.po.project.LaunchResult;
import dev.po.project.ProjectException;
import dev.po.project.ProjectStatus;
import dev.po.project.Verb;
import dev.po.ssh.SshHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Picks a project's host, and splits an operation on several projects by host: each host gets its
 * own projects in one go (this machine's read in process, another's in one ssh round trip), and
 * every host is worked at once, on a thread of its own, so that a dead host costs its own projects
 * the connect timeout and never holds up another.
 */
public final class Hosts {
  private Hosts() {}

  /** The host named {@code name} in {@code fleet}, or this machine for {@code null}. */
  public static Host of(Fleet fleet, String name) {
    if (name == null) {
      return here(fleet);
    }
    return new SshHost(fleet, fleet.host(name).orElseThrow(
        () -> new ProjectException("no host '" + name + "' in the fleet registry")));
  }

  /** The host {@code target} lives on. */
  public static Host of(Target target) {
    return of(target.fleet(), target.entry().host());
  }

  /** This machine, whose projects {@code fleet} records (the po of another host serves its own through it). */
  public static Host here(Fleet fleet) {
    return new LocalHost(fleet);
  }

  /** The status of {@code projects}, in their order, wherever each lives. */
  public static List<ProjectStatus> status(Fleet fleet, List<ProjectEntry> projects) {
    Map<String, List<ProjectEntry>> byHost = group(projects, p -> p);
    List<List<ProjectStatus>> answers = Parallel.atOnce(new ArrayList<>(byHost.entrySet()),
        g -> of(fleet, g.getKey()).status(g.getValue()));
    Map<String, ProjectStatus> byName = new LinkedHashMap<>();
    answers.forEach(list -> list.forEach(s -> byName.put(s.name(), s)));
    return projects.stream().map(p -> byName.get(p.name())).toList();
  }

  /**
   * Starts or stops {@code items}, wherever each lives, and returns their results in the same
   * order; {@code onEach} is told of each as it is known. With {@code parallel} false, one project
   * after the other, host after host.
   */
  public static List<LaunchResult> launch(Fleet fleet, Verb verb, List<LaunchItem> items, Settings settings,
      boolean parallel, Consumer<LaunchResult> onEach) {
    Map<String, List<LaunchItem>> byHost = group(items, LaunchItem::entry);
    Function<Map.Entry<String, List<LaunchItem>>, List<LaunchResult>> work =
        g -> of(fleet, g.getKey()).launchAll(verb, g.getValue(), settings, parallel, onEach);
    List<Map.Entry<String, List<LaunchItem>>> groups = new ArrayList<>(byHost.entrySet());
    List<List<LaunchResult>> answers = parallel ? Parallel.atOnce(groups, work) : groups.stream().map(work).toList();
    Map<String, LaunchResult> byName = new LinkedHashMap<>();
    answers.forEach(list -> list.forEach(r -> byName.put(r.project(), r)));
    return items.stream().map(i -> byName.get(i.entry().name())).toList();
  }

  /**
   * validate's checks of the projects on other hosts, each host in one round trip, all at once:
   * each problem placed at its project's key in {@code registry}.
   */
  public static List<Problem> check(Registry registry, Fleet fleet) {
    Map<String, List<ProjectEntry>> byHost = group(fleet.projects(), p -> p);
    List<List<Problem>> each = Parallel.atOnce(new ArrayList<>(byHost.entrySet()),
        g -> of(fleet, g.getKey()).check(registry, g.getValue()));
    List<Problem> out = new ArrayList<>();
    each.forEach(out::addAll);
    return out;
  }

  /** {@code items} by host name, this machine's under {@code null}; in first-seen order. */
  private static <T> Map<String, List<T>> group(List<T> items, Function<T, ProjectEntry> entry) {
    Map<String, List<T>> byHost = new LinkedHashMap<>();
    items.forEach(i -> byHost.computeIfAbsent(entry.apply(i).host(), h -> new ArrayList<>()).add(i));
    return byHost;
  }
}
