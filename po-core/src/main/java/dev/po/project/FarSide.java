package dev.po.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.po.PoException;
import dev.po.fleet.Registry;
import java.io.IOException;
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
    JsonNode in;
    try {
      in = Wire.JSON.readTree(System.in);
    } catch (IOException e) {
      System.err.println("po far side: cannot read the request: " + e.getMessage());
      System.exit(2);
      return;
    }
    ObjectNode answer;
    try {
      answer = answer(Wire.readRequest(in, Path.of(System.getProperty("user.home"))));
    } catch (RuntimeException e) {
      System.err.println("po far side: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.write(Wire.bytes(answer));
    System.out.flush();
    System.exit(0);
  }

  static ObjectNode answer(Wire.Request r) {
    ObjectNode answer = Wire.JSON.createObjectNode();
    switch (r.op()) {
      case "status" -> {
        ArrayNode a = answer.putArray("statuses");
        List<ProjectStatus> all = StatusReader.read(r.fleet(), r.fleet().projects());
        all.forEach(s -> a.add(Wire.status(s)));
      }
      case "start", "stop" -> {
        // the far side has no registry: the lifecycle only lends its environment and timeout
        Lifecycle lifecycle = Lifecycle.of(Registry.at(Path.of("/nonexistent/fleet.toml")))
            .withEnvironment(r.env()).withTimeout(r.timeout());
        String verb = r.op().equals("start") ? LaunchCommand.START : LaunchCommand.STOP;
        ArrayNode a = answer.putArray("results");
        List<LaunchResult> results = dev.po.git.Parallel.map(r.items(),
            i -> LaunchCommand.run(verb, new Project(lifecycle, r.fleet(), i.entry()), i.force()));
        results.forEach(x -> a.add(Wire.result(x)));
      }
      default -> throw new PoException("unknown operation '" + r.op() + "'");
    }
    return answer;
  }
}
