package dev.po.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.po.PoException;
import dev.po.fleet.HostSideChecks;
import dev.po.fleet.Registry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Internal: the po that another host runs for a po driving it over ssh. It reads one request (the
 * JSON of {@code Wire}) on stdin, acts on that host's projects with the same code as a local po,
 * prints one JSON answer on stdout and exits 0; a request it cannot read exits 2 with one line on
 * stderr. It writes nothing of its own anywhere: the one rule holds on every host.
 */
public final class FarSide {
  private FarSide() {}

  public static void main(String[] args) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    JsonNode in;
    try {
      String first = lines.readLine();
      if (first == null) {
        throw new IOException("no request");
      }
      in = Wire.JSON.readTree(first);
    } catch (IOException e) {
      System.err.println("po far side: cannot read the request: " + e.getMessage());
      System.exit(2);
      return;
    }
    ObjectNode answer;
    try {
      answer = answer(Wire.readRequest(in, Path.of(System.getProperty("user.home"))), lines);
    } catch (RuntimeException e) {
      System.err.println("po far side: " + e.getMessage());
      System.exit(2);
      return;
    }
    say(answer);
    System.exit(0);
  }

  static ObjectNode answer(Wire.Request r, BufferedReader lines) {
    ObjectNode answer = Wire.JSON.createObjectNode();
    switch (r.op()) {
      case "status" -> {
        ArrayNode a = answer.putArray("statuses");
        List<ProjectStatus> all = StatusReader.read(r.fleet(), r.fleet().projects());
        all.forEach(s -> a.add(Wire.status(s)));
      }
      case "start", "stop" -> {
        // the far side has no registry: the lifecycle only lends its environment and timeout
        Lifecycle lifecycle = lifecycle(r);
        String verb = r.op().equals("start") ? LaunchCommand.START : LaunchCommand.STOP;
        ArrayNode a = answer.putArray("results");
        List<LaunchResult> results = dev.po.git.Parallel.map(r.items(),
            i -> LaunchCommand.run(verb, new Project(lifecycle, r.fleet(), i.entry()), i.force()));
        results.forEach(x -> a.add(Wire.result(x)));
      }
      case "check" -> {
        ArrayNode a = answer.putArray("findings");
        for (HostSideChecks.Finding f : HostSideChecks.check(r.fleet())) {
          a.addObject().put("project", f.project()).put("key", f.key()).put("message", f.message());
        }
      }
      case "update" -> update(r, lines, answer);
      case "create" -> create(r, lines, answer);
      default -> throw new PoException("unknown operation '" + r.op() + "'");
    }
    return answer;
  }

  /** The far side has no registry: its lifecycle only lends the launchers' environment and timeout. */
  private static Lifecycle lifecycle(Wire.Request r) {
    return Lifecycle.of(Registry.at(Path.of("/nonexistent/fleet.toml"))).withEnvironment(r.env()).withTimeout(r.timeout());
  }

  /**
   * Pins the project as a local update does, then asks the other side to record the ref: on
   * {@code commit} it is done; on anything else (or the connection's end) it is put back.
   */
  private static void update(Wire.Request r, BufferedReader lines, ObjectNode answer) {
    Project p = new Project(lifecycle(r), r.fleet(), r.items().get(0).entry());
    String ref = r.json().path("ref").asText();
    ProjectException[] aborted = new ProjectException[1];
    UpdateCommand u = p.update(ref).setRestart(r.json().path("restart").asBoolean()).recordWith(x -> {
      say(Wire.JSON.createObjectNode().put("pinned", true));
      String word;
      try {
        word = lines.readLine();
      } catch (IOException e) {
        word = null;
      }
      if (!"commit".equals(word)) {
        aborted[0] = new ProjectException("project " + p.name() + ": the registry did not record " + x);
        throw aborted[0];
      }
    });
    try {
      UpdateResult done = u.call();
      ObjectNode o = answer.putObject("result");
      o.put("fromCommit", done.fromCommit());
      o.put("toCommit", done.toCommit());
      o.put("commit", done.commit());
      o.put("restarted", done.restarted());
    } catch (PoException e) {
      // put back as it was: the abort itself comes through unchanged; a failed restore wraps it
      if (e == aborted[0]) {
        answer.put("restored", true);
      } else {
        answer.put("error", e.getMessage());
      }
    }
  }

  /** Makes the project as a local create does; registering asks the other side, as update does. */
  private static void create(Wire.Request r, BufferedReader lines, ObjectNode answer) {
    ProjectException[] aborted = new ProjectException[1];
    try {
      answer.set("result", RemoteCreate.farSide(r, lifecycle(r), root -> {
        aborted[0] = waitForCommit(lines, "project " + r.json().path("name").asText() + ": the registry did not record it");
        if (aborted[0] != null) {
          throw aborted[0];
        }
      }));
    } catch (PoException e) {
      if (e == aborted[0]) {
        answer.put("restored", true);
      } else {
        answer.put("error", e.getMessage());
      }
    }
  }

  /** Says the work is ready to record and waits for the word; returns the refusal, or null on commit. */
  private static ProjectException waitForCommit(BufferedReader lines, String refusal) {
    say(Wire.JSON.createObjectNode().put("ready", true));
    String word;
    try {
      word = lines.readLine();
    } catch (IOException e) {
      word = null;
    }
    return "commit".equals(word) ? null : new ProjectException(refusal);
  }

  private static void say(JsonNode line) {
    System.out.write(Wire.bytes(line), 0, Wire.bytes(line).length);
    System.out.flush();
  }
}
