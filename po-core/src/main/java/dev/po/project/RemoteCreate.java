package dev.po.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.po.fleet.Harness;
import dev.po.fleet.HostEntry;
import dev.po.fleet.ProjectEntry;
import java.nio.file.Path;

/**
 * {@code create --host}: the po on that host makes the project with the same {@link CreateCommand}
 * as here, and, when it is to be registered, waits while this side records it; a registry that
 * cannot take it makes the far side remove what it made. A refusal leaves nothing on either side.
 */
final class RemoteCreate {
  private RemoteCreate() {}

  static CreateResult call(SshLink link, HostEntry host, CreateCommand c, Harness h) {
    String name = c.name();
    String hostName = host.name();
    Lifecycle lifecycle = c.lifecycle();
    String where = c.remoteLocation() != null ? c.remoteLocation() : join(host.projectsDir(), name);
    String bad = HostEntry.remotePathProblem(where);
    if (bad != null) {
      throw new ProjectException("project " + name + ": location " + bad);
    }
    ObjectNode request = Wire.JSON.createObjectNode();
    request.put("op", "create");
    request.putObject("env");
    request.put("timeoutMillis", lifecycle.timeout().toMillis());
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
    try (SshLink.Session s = link.open(Wire.bytes(request), lifecycle.timeout())) {
      JsonNode first = s.read();
      failed(first);
      if (c.register()) {
        try {
          lifecycle.registry().edit(f -> {
            c.refuseRegistered(f);
            return f.withProject(new ProjectEntry(name, where, c.harnessAsGiven(), c.ref(), true, hostName));
          });
        } catch (RuntimeException e) {
          s.say("abort");
          JsonNode after = s.read();
          String undone = after.has("error") ? " and " + after.path("error").asText() : "; nothing was left on " + hostName;
          throw new ProjectException("project " + name + ": not registered (" + e.getMessage() + ")" + undone, e);
        }
        s.say("commit");
        first = s.read();
        failed(first);
      }
      JsonNode r = first.path("result");
      return new CreateResult(name, Path.of(r.path("root").asText()), h.name(), h.url(), c.ref(),
          r.path("engineCommit").asText(), r.path("commit").asText(), c.register(),
          r.path("found").asBoolean());
    }
  }

  private static String join(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  private static void failed(JsonNode answer) {
    if (answer.has("error")) {
      throw new ProjectException(answer.path("error").asText());
    }
  }

  /** The far side's half: make the project, and let {@code record} say whether it stays. */
  static ObjectNode farSide(Wire.Request r, Lifecycle lifecycle, java.util.function.Consumer<Path> record) {
    JsonNode j = r.json();
    java.util.List<String> agentCommand = new java.util.ArrayList<>();
    j.path("agentCommand").forEach(a -> agentCommand.add(a.asText()));
    CreateCommand c = new CreateCommand(lifecycle, j.path("name").asText())
        .setRef(j.path("ref").asText())
        .setHarness(j.path("harness").asText())
        .setLocation(r.fleet().resolve(j.path("location").asText()))
        .setAgent(j.path("agent").asText())
        .setAgentCommand(agentCommand)
        .setRegister(j.path("register").asBoolean())
        .onFleet(r.fleet(), record)
        .seenAs(j.path("host").asText(null));
    CreateResult made = c.call();
    ObjectNode o = Wire.JSON.createObjectNode();
    o.put("root", made.root().toString());
    o.put("engineCommit", made.engineCommit());
    o.put("commit", made.commit());
    o.put("found", made.found());
    return o;
  }
}
