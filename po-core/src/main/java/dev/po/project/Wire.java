package dev.po.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import dev.po.fleet.ProjectEntry;
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
 * stdout. A request carries the operation, the projects of that host (locations as written, for
 * the far side to resolve) with their harnesses, and the launcher settings. The far side keeps no
 * state, so both ends of one version of this class always agree.
 */
final class Wire {
  static final ObjectMapper JSON = new ObjectMapper();

  private Wire() {}

  /** One project of a request; {@code force} starts it even when disabled. */
  record Item(ProjectEntry entry, boolean force) {}

  /**
   * A request as the far side reads it.
   *
   * @param op {@code status}, {@code start} or {@code stop}
   * @param fleet the projects of this host as a fleet of the far side, whose folder is its home
   * @param items the projects in the order asked
   */
  record Request(String op, Fleet fleet, List<Item> items, Map<String, String> env, Duration timeout, JsonNode json) {}

  static byte[] request(String op, Fleet fleet, List<Item> items, Map<String, String> env, Duration timeout) {
    return bytes(requestNode(op, fleet, items, env, timeout));
  }

  static ObjectNode requestNode(String op, Fleet fleet, List<Item> items, Map<String, String> env, Duration timeout) {
    ObjectNode o = JSON.createObjectNode();
    o.put("op", op);
    ObjectNode e = o.putObject("env");
    env.forEach(e::put);
    o.put("timeoutMillis", timeout.toMillis());
    ArrayNode harnesses = o.putArray("harnesses");
    List<String> named = new ArrayList<>();
    ArrayNode projects = o.putArray("projects");
    for (Item item : items) {
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

  static Request readRequest(JsonNode o, Path home) {
    List<Harness> harnesses = new ArrayList<>();
    for (JsonNode h : o.path("harnesses")) {
      List<String> launcher = new ArrayList<>();
      h.path("launcher").forEach(a -> launcher.add(a.asText()));
      harnesses.add(new Harness(h.path("name").asText(), h.path("url").asText(), launcher));
    }
    List<Item> items = new ArrayList<>();
    for (JsonNode p : o.path("projects")) {
      ProjectEntry entry = new ProjectEntry(p.path("name").asText(), p.path("location").asText(),
          text(p, "harness"), p.path("ref").asText(), p.path("enabled").asBoolean());
      items.add(new Item(entry, p.path("force").asBoolean()));
    }
    Map<String, String> env = new LinkedHashMap<>();
    o.path("env").properties().forEach(f -> env.put(f.getKey(), f.getValue().asText()));
    Fleet fleet = new Fleet(home, null, harnesses, items.stream().map(Item::entry).toList());
    return new Request(o.path("op").asText(), fleet, items, env, Duration.ofMillis(o.path("timeoutMillis").asLong(1)), o);
  }

  /** A status in its one JSON shape ({@link ProjectStatus#toJson()}), as {@code --json} prints it. */
  static JsonNode status(ProjectStatus s) {
    return JSON.valueToTree(s.toJson());
  }

  /** The status the far side sent, as seen from here: on {@code host}. */
  @SuppressWarnings("unchecked")
  static ProjectStatus readStatus(JsonNode o, String host) {
    return ProjectStatus.fromJson(JSON.convertValue(o, Map.class)).onHost(host);
  }

  /** A harness status: its state's word, the watchdog, and each agent as {@code --json} shows it. */
  static ObjectNode harness(HarnessStatus h) {
    ObjectNode o = JSON.createObjectNode();
    o.put("state", h.state().word());
    o.put("watchdogAlive", h.watchdogAlive());
    o.put("watchdogPid", h.watchdogPid());
    ArrayNode agents = o.putArray("agents");
    h.agents().forEach(a -> agents.add(JSON.valueToTree(a.toJson())));
    return o;
  }

  @SuppressWarnings("unchecked")
  static HarnessStatus readHarness(JsonNode o) {
    List<HarnessStatus.Agent> agents = new ArrayList<>();
    o.path("agents").forEach(a -> agents.add(HarnessStatus.Agent.fromJson(JSON.convertValue(a, Map.class))));
    return new HarnessStatus(HarnessState.ofWord(o.path("state").asText()), o.path("watchdogAlive").asBoolean(),
        o.path("watchdogPid").asLong(), agents);
  }

  static ObjectNode line(LogLine l) {
    return JSON.createObjectNode().put("agent", l.agent()).put("text", l.text());
  }

  static LogLine readLine(JsonNode o) {
    return new LogLine(o.path("agent").asText(), o.path("text").asText());
  }

  static ObjectNode result(LaunchResult r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("project", r.project());
    o.put("verb", r.verb());
    o.put("outcome", r.outcome().name());
    o.put("message", r.message());
    o.put("output", r.output());
    o.put("tookMillis", r.took().toMillis());
    return o;
  }

  static LaunchResult readResult(JsonNode o) {
    return new LaunchResult(o.path("project").asText(), o.path("verb").asText(),
        LaunchResult.Outcome.valueOf(o.path("outcome").asText()), o.path("message").asText(),
        o.path("output").asText(), Duration.ofMillis(o.path("tookMillis").asLong()));
  }

  /** One line: Jackson escapes every line break inside strings, and the line ends the message. */
  static byte[] bytes(JsonNode node) {
    try {
      return (JSON.writeValueAsString(node) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
