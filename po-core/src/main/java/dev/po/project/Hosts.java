package dev.po.project;

import dev.po.PoException;
import dev.po.fleet.Fleet;
import dev.po.fleet.Problem;
import dev.po.fleet.ProjectEntry;
import dev.po.fleet.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where an operation on several projects splits by host: each host gets its own projects in one
 * go (this machine's read in process, another's in one ssh round trip), and every host is worked
 * at once, on a thread of its own, so that a dead host costs its own projects the connect timeout
 * and never holds up another. Hosts are few; a pool would only queue them behind dead ones.
 */
final class Hosts {
  private Hosts() {}

  /** The host named {@code name} in {@code fleet}, or this machine for {@code null}. */
  static Host of(Fleet fleet, String name) {
    if (name == null) {
      return new LocalHost(fleet);
    }
    return new SshHost(fleet, fleet.host(name).orElseThrow(
        () -> new ProjectException("no host '" + name + "' in the fleet registry")));
  }

  /** The status of {@code projects}, in their order, wherever each lives. */
  static List<ProjectStatus> status(Fleet fleet, List<ProjectEntry> projects) {
    Map<String, List<ProjectEntry>> byHost = group(projects, p -> p);
    List<List<ProjectStatus>> answers = atOnce(new ArrayList<>(byHost.entrySet()),
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
  static List<LaunchResult> launch(Lifecycle lifecycle, Fleet fleet, String verb, List<Wire.Item> items,
      boolean parallel, Consumer<LaunchResult> onEach) {
    Map<String, List<Wire.Item>> byHost = group(items, Wire.Item::entry);
    Function<Map.Entry<String, List<Wire.Item>>, List<LaunchResult>> work =
        g -> of(fleet, g.getKey()).launchAll(lifecycle, verb, g.getValue(), parallel, onEach);
    List<Map.Entry<String, List<Wire.Item>>> groups = new ArrayList<>(byHost.entrySet());
    List<List<LaunchResult>> answers = parallel ? atOnce(groups, work) : groups.stream().map(work).toList();
    Map<String, LaunchResult> byName = new LinkedHashMap<>();
    answers.forEach(list -> list.forEach(r -> byName.put(r.project(), r)));
    return items.stream().map(i -> byName.get(i.entry().name())).toList();
  }

  /**
   * validate's checks of the projects on other hosts, each host in one round trip, all at once:
   * each problem placed at its project's key in {@code registry}.
   */
  static List<Problem> check(Registry registry, Fleet fleet) {
    Map<String, List<ProjectEntry>> byHost = group(fleet.projects(), p -> p);
    List<List<Problem>> each = atOnce(new ArrayList<>(byHost.entrySet()),
        g -> of(fleet, g.getKey()).check(registry, g.getValue()));
    List<Problem> out = new ArrayList<>();
    each.forEach(out::addAll);
    return out;
  }

  /** The launchers' environment on the project's host: this po's extra variables, then the host's. */
  static Map<String, String> environment(Lifecycle lifecycle, Fleet fleet, ProjectEntry project) {
    Map<String, String> env = new LinkedHashMap<>(lifecycle.environment());
    fleet.hostOf(project).ifPresent(h -> env.putAll(h.env()));
    return env;
  }

  /** {@code items} by host name, this machine's under {@code null}; in first-seen order. */
  private static <T> Map<String, List<T>> group(List<T> items, Function<T, ProjectEntry> entry) {
    Map<String, List<T>> byHost = new LinkedHashMap<>();
    items.forEach(i -> byHost.computeIfAbsent(entry.apply(i).host(), h -> new ArrayList<>()).add(i));
    return byHost;
  }

  /**
   * {@code work} applied to each of {@code groups}, every one on its own thread at once, in order.
   * A failure of one is thrown once all have ended.
   */
  static <G, R> List<R> atOnce(List<G> groups, Function<G, R> work) {
    if (groups.size() < 2) {
      return groups.stream().map(work).toList();
    }
    List<R> out = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    Throwable[] failure = new Throwable[1];
    for (int i = 0; i < groups.size(); i++) {
      out.add(null);
      int at = i;
      Thread t = new Thread(() -> {
        try {
          R r = work.apply(groups.get(at));
          synchronized (out) {
            out.set(at, r);
          }
        } catch (RuntimeException | Error e) {
          synchronized (out) {
            if (failure[0] == null) {
              failure[0] = e;
            }
          }
        }
      }, "po-host");
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      threads.forEach(Thread::interrupt);
      throw new PoException("interrupted while waiting for hosts", e);
    }
    synchronized (out) {
      if (failure[0] instanceof RuntimeException e) {
        throw e;
      } else if (failure[0] instanceof Error e) {
        throw e;
      }
      return new ArrayList<>(out);
    }
  }
}
