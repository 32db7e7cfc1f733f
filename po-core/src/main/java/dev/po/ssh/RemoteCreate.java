package dev.po.ssh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.po.fleet.Harness;
import dev.po.fleet.HostEntry;
import dev.po.host.CreateRequest;
import dev.po.host.Recorder;
import dev.po.project.CreateResult;
import dev.po.project.ProjectException;
import dev.po.wire.Op;
import dev.po.wire.Wire;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code create --host}: the po on that host makes the project with the same code as here, and,
 * when it is to be registered, waits while this side records it; a registry that cannot take it
 * makes the far side remove what it made. A refusal leaves nothing on either side.
 */
final class RemoteCreate {
  private RemoteCreate() {}

  static CreateResult call(SshLink link, HostEntry host, CreateRequest c) {
    String name = c.name();
    String hostName = host.name();
    Harness h = c.harness();
    String where = c.remoteLocation() != null ? c.remoteLocation() : join(host.projectsDir(), name);
    String bad = HostEntry.remotePathProblem(where);
    if (bad != null) {
      throw new ProjectException("project " + name + ": location " + bad);
    }
    ObjectNode request = Wire.JSON.createObjectNode();
    request.put("op", Op.CREATE.word());
    request.putObject("env");
    request.put("timeoutMillis", c.settings().timeout().toMillis());
    ObjectNode hj = request.putArray("harnesses").addObject();
    hj.put("name", h.name());
    hj.put("url", h.url());
    h.launcher().forEach(hj.putArray("launcher")::add);
    request.putArray("projects");
    request.put("name", name);
    request.put("host", hostName);
    request.put("ref", c.ref());
    request.put("harness", h.name());
    request.put("location", where);
    request.put("agent", c.agent());
    ArrayNode cmd = request.putArray("agentCommand");
    c.agentCommand().forEach(cmd::add);
    request.put("register", c.register());
    try (SshLink.Session s = link.open(Wire.bytes(request), c.settings().timeout())) {
      JsonNode first = Wire.orThrow(s.read());
      if (c.register()) {
        try {
          c.recorder().record(where);
        } catch (RuntimeException e) {
          s.say("abort");
          JsonNode after = s.read();
          String undone = Wire.failed(after) ? " and " + after.path("error").asText() : "; nothing was left on " + hostName;
          throw new ProjectException("project " + name + ": not registered (" + e.getMessage() + ")" + undone, e);
        }
        s.say("commit");
        first = Wire.orThrow(s.read());
      }
      return Wire.readCreated(first.path("result"), name, h.name(), h.url(), c.ref(), c.register());
    }
  }

  private static String join(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  /** The far side's half: the request as made there, {@code record} saying whether it stays. */
  static CreateRequest farSide(Wire.Request r, Recorder record) {
    JsonNode j = r.json();
    List<String> agentCommand = new ArrayList<>();
    j.path("agentCommand").forEach(a -> agentCommand.add(a.asText()));
    Harness h = r.fleet().harness(j.path("harness").asText()).orElseThrow();
    // named as given there, so that the commands its messages name say which harness
    return new CreateRequest(j.path("name").asText(), j.path("ref").asText(), h, h.name(),
        r.fleet().resolve(j.path("location").asText()), null, j.path("agent").asText(), agentCommand,
        j.path("register").asBoolean(), r.fleet(), r.settings(), r.text("host"), null, record);
  }
}
