package dev.po.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.po.PoException;
import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import dev.po.fleet.InvalidValueException;
import dev.po.fleet.ProjectEntry;
import dev.po.host.LaunchItem;
import dev.po.host.Settings;
import dev.po.project.CreateResult;
import dev.po.project.HarnessState;
import dev.po.project.HarnessStatus;
import dev.po.project.HostException;
import dev.po.project.LaunchResult;
import dev.po.project.LogLine;
import dev.po.project.ProjectBusyException;
import dev.po.project.ProjectException;
import dev.po.project.ProjectStatus;
import dev.po.project.UpdateResult;
import dev.po.project.Verb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON between po and the po it runs on another host: one request on stdin, one answer on
 * stdout, each one line. A request carries the operation, the projects of that host (locations as
 * written, for the far side to resolve) with their harnesses, and the launcher settings. Each
 * value that crosses has its one writer and its one reader here, used by both ends, and a failure
 * crosses with its kind, so that a refusal there is the same refusal here. The far side keeps no
 * state, so both ends of one version of this class always agree.
 */
public final class Wire {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Wire() {}

  /**
   * A request as the far side reads it.
   *
   * @param op what to do
   * @param fleet the projects of this host as a fleet of the far side, whose folder is its home
   * @param items the projects in the order asked
   * @param settings the launchers' settings there: this po's extra variables and the host's, the timeout
   * @param json the whole request, for the fields of one operation
   */
  public record Request(Op op, Fleet fleet, List<LaunchItem> items, Settings settings, JsonNode json) {
    /** The value of {@code field} of the request, or {@code null}. */
    public String text(String field) {
      return Wire.text(json, field);
    }
  }

  public static byte[] request(Op op, Fleet fleet, List<LaunchItem> items, Map<String, String> env, Duration timeout) {
    return bytes(requestNode(op, fleet, items, env, timeout));
  }

  public static ObjectNode requestNode(Op op, Fleet fleet, List<LaunchItem> items, Map<String, String> env,
      Duration timeout) {
    ObjectNode o = JSON.createObjectNode();
    o.put("op", op.word());
    ObjectNode e = o.putObject("env");
    env.forEach(e::put);
    o.put("timeoutMillis", timeout.toMillis());
    ArrayNode harnesses = o.putArray("harnesses");
    List<String> named = new ArrayList<>();
    ArrayNode projects = o.putArray("projects");
    for (LaunchItem item : items) {
      ProjectEntry p = item.entry();
      ObjectNode j = projects.addObject();
      j.put("name", p.name());
      j.put("location", p.location());
      Harness h = fleet.harnessOf(p).orElse(null);
      j.put("harness", h == null ? null : h.name());
      j.put("ref", p.ref());
      j.put("enabled", p.enabled());
      j.put("force", item.force());
      if (h != null && !named.contains(h.name())) {
        named.add(h.name());
        ObjectNode hj = harnesses.addObject();
        hj.put("name", h.name());
        // as written: an absolute path or a URL is the same there; ~/ is the far side's home
        hj.put("url", h.url());
        h.launcher().forEach(hj.putArray("launcher")::add);
      }
    }
    return o;
  }

  public static Request readRequest(JsonNode o, Path home) {
    List<Harness> harnesses = new ArrayList<>();
    for (JsonNode h : o.path("harnesses")) {
      List<String> launcher = new ArrayList<>();
      h.path("launcher").forEach(a -> launcher.add(a.asText()));
      harnesses.add(new Harness(h.path("name").asText(), h.path("url").asText(), launcher));
    }
    List<LaunchItem> items = new ArrayList<>();
    for (JsonNode p : o.path("projects")) {
      ProjectEntry entry = new ProjectEntry(p.path("name").asText(), p.path("location").asText(),
          text(p, "harness"), p.path("ref").asText(), p.path("enabled").asBoolean());
      items.add(new LaunchItem(entry, p.path("force").asBoolean()));
    }
    Map<String, String> env = new LinkedHashMap<>();
    o.path("env").properties().forEach(f -> env.put(f.getKey(), f.getValue().asText()));
    Fleet fleet = new Fleet(home, null, harnesses, items.stream().map(LaunchItem::entry).toList());
    Settings settings = new Settings(env, Duration.ofMillis(Math.max(1, o.path("timeoutMillis").asLong(1))));
    return new Request(Op.ofWord(o.path("op").asText()), fleet, items, settings, o);
  }

  /** A status in its one JSON shape ({@link ProjectStatus#toJson()}), as {@code --json} prints it. */
  public static JsonNode status(ProjectStatus s) {
    return JSON.valueToTree(s.toJson());
  }

  /** The status the far side sent, as seen from here: on {@code host}. */
  @SuppressWarnings("unchecked")
  public static ProjectStatus readStatus(JsonNode o, String host) {
    return ProjectStatus.fromJson(JSON.convertValue(o, Map.class)).onHost(host);
  }

  /** A harness status: its state's word, the watchdog, and each agent as {@code --json} shows it. */
  public static ObjectNode harness(HarnessStatus h) {
    ObjectNode o = JSON.createObjectNode();
    o.put("state", h.state().word());
    o.put("watchdogAlive", h.watchdogAlive());
    o.put("watchdogPid", h.watchdogPid());
    ArrayNode agents = o.putArray("agents");
    h.agents().forEach(a -> agents.add(JSON.valueToTree(a.toJson())));
    return o;
  }

  @SuppressWarnings("unchecked")
  public static HarnessStatus readHarness(JsonNode o) {
    List<HarnessStatus.Agent> agents = new ArrayList<>();
    o.path("agents").forEach(a -> agents.add(HarnessStatus.Agent.fromJson(JSON.convertValue(a, Map.class))));
    return new HarnessStatus(HarnessState.ofWord(o.path("state").asText()), o.path("watchdogAlive").asBoolean(),
        o.path("watchdogPid").asLong(), agents);
  }

  public static ObjectNode line(LogLine l) {
    return JSON.createObjectNode().put("agent", l.agent()).put("text", l.text());
  }

  public static LogLine readLine(JsonNode o) {
    return new LogLine(o.path("agent").asText(), o.path("text").asText());
  }

  public static ObjectNode result(LaunchResult r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("project", r.project());
    o.put("verb", r.verb().word());
    o.put("outcome", r.outcome().name());
    o.put("message", r.message());
    o.put("output", r.output());
    o.put("tookMillis", r.took().toMillis());
    return o;
  }

  public static LaunchResult readResult(JsonNode o) {
    return new LaunchResult(o.path("project").asText(), Verb.ofWord(o.path("verb").asText()),
        LaunchResult.Outcome.valueOf(o.path("outcome").asText()), o.path("message").asText(),
        o.path("output").asText(), Duration.ofMillis(o.path("tookMillis").asLong()));
  }

  /** One line: Jackson escapes every line break inside strings, and the line ends the message. */
  public static byte[] bytes(JsonNode node) {
    try {
      return (JSON.writeValueAsString(node) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What an update did, as the far side says it; its {@code fromRef} is the registry's here. */
  public static ObjectNode updated(UpdateResult u) {
    ObjectNode o = JSON.createObjectNode();
    o.put("fromCommit", u.fromCommit());
    o.put("toCommit", u.toCommit());
    o.put("commit", u.commit());
    o.put("restarted", u.restarted());
    o.put("fromDrifted", u.fromDrifted());
    return o;
  }

  public static UpdateResult readUpdated(JsonNode o, String project, String fromRef, String toRef) {
    return new UpdateResult(project, fromRef, toRef, text(o, "fromCommit"), o.path("toCommit").asText(),
        text(o, "commit"), o.path("restarted").asBoolean(), o.path("fromDrifted").asBoolean());
  }

  /** What a create made, as the far side says it. */
  public static ObjectNode created(CreateResult c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("root", c.root().toString());
    o.put("engineCommit", c.engineCommit());
    o.put("commit", c.commit());
    o.put("found", c.found());
    return o;
  }

  public static CreateResult readCreated(JsonNode o, String name, String harness, String url, String ref,
      boolean registered) {
    return new CreateResult(name, Path.of(o.path("root").asText()), harness, url, ref, o.path("engineCommit").asText(),
        o.path("commit").asText(), registered, o.path("found").asBoolean());
  }

  /** The kinds of failure that cross: each is thrown here as the type it was there. */
  private enum Kind { BUSY, INVALID, HOST, PROJECT, PO }

  /** A failure as an answer: its message, and its kind. */
  public static ObjectNode failure(PoException e) {
    Kind kind = e instanceof ProjectBusyException ? Kind.BUSY
        : e instanceof InvalidValueException ? Kind.INVALID
        : e instanceof HostException ? Kind.HOST
        : e instanceof ProjectException ? Kind.PROJECT : Kind.PO;
    return JSON.createObjectNode().put("error", e.getMessage()).put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** Whether {@code answer} is a failure. */
  public static boolean failed(JsonNode answer) {
    return answer.has("error");
  }

  /** {@code answer}, unless it is a failure, which is thrown as the kind it was there. */
  public static JsonNode orThrow(JsonNode answer) {
    if (!failed(answer)) {
      return answer;
    }
    String message = answer.path("error").asText();
    switch (answer.path("kind").asText("project")) {
      case "busy" -> throw new ProjectBusyException(message);
      case "invalid" -> throw new InvalidValueException(message);
      case "po" -> throw new PoException(message);
      default -> throw new ProjectException(message);
    }
  }

  public static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
