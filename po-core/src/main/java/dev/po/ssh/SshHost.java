package dev.po.ssh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import dev.po.fleet.HostEntry;
import dev.po.fleet.Problem;
import dev.po.fleet.ProjectEntry;
import dev.po.fleet.Registry;
import dev.po.host.CreateRequest;
import dev.po.host.Held;
import dev.po.host.Host;
import dev.po.host.LaunchItem;
import dev.po.host.LogsRequest;
import dev.po.host.Settings;
import dev.po.host.Target;
import dev.po.host.UpdateRequest;
import dev.po.project.CreateResult;
import dev.po.project.HarnessState;
import dev.po.project.HarnessStatus;
import dev.po.project.HostException;
import dev.po.project.LaunchException;
import dev.po.project.LaunchResult;
import dev.po.project.LogLine;
import dev.po.project.ProjectException;
import dev.po.project.ProjectStatus;
import dev.po.project.UpdateResult;
import dev.po.project.Verb;
import dev.po.wire.Op;
import dev.po.wire.Wire;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Another host: each operation is one request to the po there (the same po-core code, run by
 * {@link FarSide}), batching all of this host's projects of a command into one round trip. An
 * operation that needs this side's word in the middle (an update, a create) or that goes on (a
 * followed log) is a conversation over one ssh connection; an attachment is {@code ssh -t}.
 */
public final class SshHost implements Host {
  /** How long a far side may take to read its projects once connected. */
  static final Duration READ_WORK = Duration.ofMinutes(2);

  private final Fleet fleet;
  private final HostEntry host;
  private final SshLink link;

  public SshHost(Fleet fleet, HostEntry host) {
    this.fleet = fleet;
    this.host = host;
    this.link = new SshLink(fleet, host);
  }

  @Override
  public List<ProjectStatus> status(List<ProjectEntry> projects) {
    try {
      JsonNode answer = link.call(Wire.request(Op.STATUS, fleet, items(projects), Map.of(), READ_WORK), READ_WORK);
      List<ProjectStatus> out = new ArrayList<>();
      answer.path("statuses").forEach(s -> out.add(Wire.readStatus(s, host.name())));
      return out;
    } catch (HostException e) {
      return projects.stream().map(p -> unreachable(p, e.getMessage())).toList();
    }
  }

  private ProjectStatus unreachable(ProjectEntry p, String why) {
    return new ProjectStatus(p.name(), p.enabled(), fleet.harnessNameOf(p).orElse(null), p.ref(),
        Path.of(p.location()), false, why, null, null, false, HarnessState.UNREACHABLE, p.host(), List.of());
  }

  /** Each project of a host that cannot be reached fails with the host's one-line reason. */
  @Override
  public List<LaunchResult> launchAll(Verb verb, List<LaunchItem> items, Settings settings, boolean parallel,
      Consumer<LaunchResult> onEach) {
    Map<String, String> env = new Target(fleet, items.get(0).entry(), settings).environment();
    List<LaunchResult> out = new ArrayList<>();
    try {
      // a conversation rather than a call: stdin stays open until the answer is here, and its end
      // (this po killed, its ssh gone) stops the po there before it launches anything more
      Op op = verb == Verb.START ? Op.START : Op.STOP;
      try (SshLink.Session s = link.open(Wire.request(op, fleet, items, env, settings.timeout()), settings.timeout())) {
        s.read().path("results").forEach(r -> out.add(Wire.readResult(r)));
      }
    } catch (HostException e) {
      items.forEach(i -> out.add(LaunchResult.failed(i.entry().name(), verb, e.getMessage())));
    }
    // in the order asked, whatever the far side's order; one it did not answer for has failed
    List<LaunchResult> ordered = items.stream().map(i -> out.stream()
        .filter(r -> r.project().equals(i.entry().name())).findFirst()
        .orElse(LaunchResult.failed(i.entry().name(), verb, "no answer for " + i.entry().name() + " from host " + host.name())))
        .toList();
    ordered.forEach(onEach);
    return ordered;
  }

  /** The same launch, run by the po there; a failure there throws as it would here. */
  @Override
  public LaunchResult launch(Target project, Verb verb) {
    // forced: a disabled project's start was refused, or not, by the one asking
    LaunchResult r = launchAll(verb, List.of(new LaunchItem(project.entry(), true)), project.settings(), false, x -> {})
        .get(0);
    if (r.failed()) {
      throw new LaunchException(r.message(), List.of(), project.root(), -1, r.output());
    }
    return r;
  }

  /** Asking would cost a round trip, and {@code down} is harmless where nothing runs. */
  @Override
  public boolean mayRun(Target project) {
    return true;
  }

  @Override
  public HarnessStatus harnessStatus(Target project) {
    return Wire.readHarness(one(request(Op.HARNESS, project)).path("harness"));
  }

  @Override
  public HarnessState state(Target project) {
    try {
      return harnessStatus(project).state();
    } catch (HostException e) {
      return HarnessState.UNREACHABLE;
    }
  }

  /** The far side holds its project while it works; the registry here is written after it did. */
  @Override
  public UpdateResult update(UpdateRequest update) {
    return RemoteUpdate.call(link, update);
  }

  @Override
  public CreateResult create(CreateRequest create) {
    return RemoteCreate.call(link, host, create);
  }

  @Override
  public List<LogLine> logs(LogsRequest logs) {
    JsonNode answer = one(logsRequest(Op.LOGS, logs));
    List<LogLine> out = new ArrayList<>();
    answer.path("lines").forEach(l -> out.add(Wire.readLine(l)));
    return out;
  }

  /**
   * One connection for the whole follow: the po there prints the last lines, then each new one,
   * until this side ends the connection. The lines are handed to {@code sink} on the calling
   * thread, which an interrupt ends: ssh is ended with it, and the po there, whose stdin ends,
   * stops reading.
   */
  @Override
  public void follow(LogsRequest logs, Consumer<LogLine> sink, Runnable ready) {
    if (Thread.currentThread().isInterrupted()) {
      return;
    }
    try (SshLink.Session s = link.open(Wire.bytes(logsRequest(Op.FOLLOW, logs)), null)) {
      Wire.orThrow(s.read());
      ready.run();
      try {
        while (true) {
          sink.accept(Wire.readLine(s.next()));
        }
      } catch (InterruptedException e) {
        s.kill();
        Thread.currentThread().interrupt();
      }
    } catch (HostException e) {
      if (!Thread.currentThread().isInterrupted()) {
        throw e;
      }
    }
  }

  /**
   * Checks the agent here from the harness status there (which also puts the jar there), then
   * runs the harness's {@code attach} there in a terminal of its own, with the host's
   * environment, through {@code ssh -t}.
   */
  @Override
  public void attach(Target project, String agent) {
    HarnessStatus.Agent target = harnessStatus(project).running(project.name(), agent);
    ObjectNode request = request(Op.ATTACH, project);
    request.put("agent", target.name());
    int code = link.terminal(Wire.bytes(request));
    if (code != 0) {
      throw new ProjectException("project " + project.name() + ": attaching to agent " + target.name() + " on host "
          + host.name() + " failed (exit " + code + (code == 255 ? " from ssh" : "") + ")");
    }
  }

  /**
   * A harness url that only means something here is a problem of each project there; the rest is
   * checked there. A host that cannot be reached is a problem of each of its projects.
   */
  @Override
  public List<Problem> check(Registry registry, List<ProjectEntry> projects) {
    List<Problem> problems = new ArrayList<>();
    for (ProjectEntry p : projects) {
      Harness h = fleet.harnessOf(p).orElse(null);
      if (h != null && !h.meansTheSameElsewhere()) {
        problems.add(registry.problemAt(p.name(), null, "project '" + p.name() + "' is on host " + p.host()
            + ", but harness '" + h.name() + "' url " + h.url() + " is a path on this machine: use an absolute path,"
            + " ~/... or a URL that " + p.host() + " can reach"));
      }
    }
    try {
      JsonNode answer = link.call(Wire.request(Op.CHECK, fleet, items(projects), Map.of(), READ_WORK), READ_WORK);
      for (JsonNode f : answer.path("findings")) {
        String project = f.path("project").isNull() ? null : f.path("project").asText();
        String key = f.path("key").isNull() ? null : f.path("key").asText();
        problems.add(registry.problemAt(project, key, f.path("message").asText()));
      }
    } catch (HostException e) {
      projects.forEach(p -> problems.add(registry.problemAt(p.name(), "host", e.getMessage())));
    }
    return problems;
  }

  /** validate checks the folder there. */
  @Override
  public void refuseUnregistrable(Target project) {}

  /** Another host's projects are held there, by the command that changes them, for as long as it runs. */
  @Override
  public Held hold(Target project, String what) {
    throw new ProjectException("project " + project.name() + " is on host " + host.name()
        + ": it is held there by each command that changes it");
  }

  private static List<LaunchItem> items(List<ProjectEntry> projects) {
    return projects.stream().map(p -> new LaunchItem(p, false)).toList();
  }

  /** A request about one project, with the launchers' environment there. */
  static ObjectNode request(Op op, Target project) {
    return Wire.requestNode(op, project.fleet(), List.of(new LaunchItem(project.entry(), false)),
        project.environment(), project.settings().timeout());
  }

  private ObjectNode logsRequest(Op op, LogsRequest logs) {
    ObjectNode request = request(op, logs.target());
    request.put("agent", logs.agent());
    request.put("lines", logs.lines());
    return request;
  }

  /** The far side's answer about one project; its refusal throws here as it would have there. */
  private JsonNode one(ObjectNode request) {
    return Wire.orThrow(link.call(Wire.bytes(request), READ_WORK));
  }
}
