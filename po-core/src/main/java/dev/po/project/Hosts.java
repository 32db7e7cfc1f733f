package dev.po.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import dev.po.fleet.HostSideChecks;
import dev.po.fleet.Problem;
import dev.po.fleet.Registry;
import dev.po.fleet.HostEntry;
import dev.po.fleet.ProjectEntry;
import dev.po.git.Parallel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an operation on several projects splits by host: this machine's projects go to the local
 * code as they always did, each other host's go in one ssh round trip, and the hosts are worked in
 * parallel, so a dead host costs its own projects the connect timeout and nothing more.
 */
final class Hosts {
  /** How long a far side may take to read its projects' status once connected. */
  private static final Duration STATUS_WORK = Duration.ofMinutes(2);

  private Hosts() {}

  /** The status of {@code projects}, in their order, wherever each lives. */
  static List<ProjectStatus> status(Fleet fleet, List<ProjectEntry> projects) {
    Map<String, List<ProjectEntry>> byHost = group(projects);
    List<Map.Entry<String, List<ProjectEntry>>> groups = new ArrayList<>(byHost.entrySet());
    List<List<ProjectStatus>> answers = Parallel.map(groups, g -> g.getKey().isEmpty()
        ? StatusReader.read(fleet, g.getValue())
        : remoteStatus(fleet, g.getKey(), g.getValue()));
    Map<String, ProjectStatus> byName = new HashMap<>();
    answers.forEach(list -> list.forEach(s -> byName.put(s.name(), s)));
    return projects.stream().map(p -> byName.get(p.name())).toList();
  }

  private static List<ProjectStatus> remoteStatus(Fleet fleet, String hostName, List<ProjectEntry> projects) {
    SshHost host = new SshHost(fleet, fleet.host(hostName).orElseThrow());
    List<Wire.Item> items = projects.stream().map(p -> new Wire.Item(p, false)).toList();
    try {
      JsonNode answer = host.call(Wire.request("status", fleet, items, Map.of(), STATUS_WORK), STATUS_WORK);
      List<ProjectStatus> out = new ArrayList<>();
      answer.path("statuses").forEach(s -> out.add(Wire.readStatus(s, hostName)));
      return out;
    } catch (HostException e) {
      return projects.stream().map(p -> unreachable(fleet, p, e.getMessage())).toList();
    }
  }

  private static ProjectStatus unreachable(Fleet fleet, ProjectEntry p, String why) {
    return new ProjectStatus(p.name(), p.enabled(), fleet.harnessNameOf(p).orElse(null), p.ref(),
        Path.of(p.location()), false, why, null, null, false, HarnessState.UNREACHABLE, p.host(), java.util.List.of());
  }

  /**
   * Starts or stops the remote {@code items}, one round trip per host, hosts in parallel; each
   * project of a host that cannot be reached fails with the host's one-line reason.
   */
  static List<LaunchResult> launch(Lifecycle lifecycle, Fleet fleet, String verb, List<Wire.Item> items) {
    Map<String, List<Wire.Item>> byHost = new LinkedHashMap<>();
    items.forEach(i -> byHost.computeIfAbsent(i.entry().host(), h -> new ArrayList<>()).add(i));
    List<List<LaunchResult>> answers = Parallel.map(new ArrayList<>(byHost.entrySet()), g -> {
      HostEntry entry = fleet.host(g.getKey()).orElseThrow();
      Map<String, String> env = environment(lifecycle, fleet, g.getValue().get(0).entry());
      try {
        JsonNode answer = new SshHost(fleet, entry).call(
            Wire.request(verb, fleet, g.getValue(), env, lifecycle.timeout()), lifecycle.timeout());
        List<LaunchResult> out = new ArrayList<>();
        answer.path("results").forEach(r -> out.add(Wire.readResult(r)));
        return out;
      } catch (HostException e) {
        return g.getValue().stream().map(i -> LaunchResult.failed(i.entry().name(), verb, e.getMessage())).toList();
      }
    });
    List<LaunchResult> all = new ArrayList<>();
    answers.forEach(all::addAll);
    return all;
  }

  /**
   * validate's checks of the projects on other hosts, each host in one round trip, in parallel:
   * each problem placed at its project's key in {@code registry}. A host that cannot be reached is
   * a problem of each of its projects; so is a harness url that only means something here.
   */
  static List<Problem> check(Registry registry, Fleet fleet) {
    Map<String, List<ProjectEntry>> byHost = group(fleet.projects());
    byHost.remove("");
    List<Problem> out = new ArrayList<>();
    List<ProjectEntry> sent = new ArrayList<>();
    for (ProjectEntry p : fleet.projects()) {
      Harness h = fleet.harnessOf(p).orElse(null);
      if (p.remote() && h != null && !HostSideChecks.meansTheSameElsewhere(h.url())) {
        out.add(registry.problemAt(p.name(), null, "project '" + p.name() + "' is on host " + p.host() + ", but harness '"
            + h.name() + "' url " + h.url() + " is a path on this machine: use an absolute path, ~/... or a URL that "
            + p.host() + " can reach"));
      }
    }
    List<List<Problem>> each = Parallel.map(new ArrayList<>(byHost.entrySet()), g -> {
      List<Problem> problems = new ArrayList<>();
      SshHost host = new SshHost(fleet, fleet.host(g.getKey()).orElseThrow());
      List<Wire.Item> items = g.getValue().stream().map(p -> new Wire.Item(p, false)).toList();
      try {
        JsonNode answer = host.call(Wire.request("check", fleet, items, Map.of(), STATUS_WORK), STATUS_WORK);
        for (JsonNode f : answer.path("findings")) {
          String project = f.path("project").isNull() ? null : f.path("project").asText();
          String key = f.path("key").isNull() ? null : f.path("key").asText();
          problems.add(registry.problemAt(project, key, f.path("message").asText()));
        }
      } catch (HostException e) {
        g.getValue().forEach(p -> problems.add(registry.problemAt(p.name(), "host", e.getMessage())));
      }
      return problems;
    });
    each.forEach(out::addAll);
    return out;
  }

  /** The launchers' environment on the project's host: this po's extra variables, then the host's. */
  static Map<String, String> environment(Lifecycle lifecycle, Fleet fleet, ProjectEntry project) {
    Map<String, String> env = new LinkedHashMap<>(lifecycle.environment());
    fleet.hostOf(project).ifPresent(h -> env.putAll(h.env()));
    return env;
  }

  /** Projects by host name, this machine's under the empty name; in first-seen order. */
  private static Map<String, List<ProjectEntry>> group(List<ProjectEntry> projects) {
    Map<String, List<ProjectEntry>> byHost = new LinkedHashMap<>();
    projects.forEach(p -> byHost.computeIfAbsent(p.host() == null ? "" : p.host(), h -> new ArrayList<>()).add(p));
    return byHost;
  }
}
