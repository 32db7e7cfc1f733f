package dev.po.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.po.fleet.Fleet;
import java.util.List;

/**
 * An update of a project on another host, as one conversation with the po there: it pins the
 * project (the same {@link UpdateCommand} as here) and waits; this side records the ref in the
 * registry and says {@code commit}, or says {@code abort} when it could not, and the far side puts
 * the project back as it was. So the registry is changed only after the far side succeeded, and a
 * project is never left moved without its registry saying so, short of a kill in between, which
 * status shows as drift.
 */
final class RemoteUpdate {
  private RemoteUpdate() {}

  static UpdateResult call(SshLink link, UpdateCommand u) {
    Lifecycle lifecycle = u.lifecycle();
    Project project = u.project();
    String ref = u.ref();
    String name = project.name();
    Fleet fleet = project.fleet();
    ObjectNode request = Wire.requestNode("update", fleet, List.of(new Wire.Item(project.entry(), false)),
        Hosts.environment(lifecycle, fleet, project.entry()), lifecycle.timeout());
    request.put("ref", ref);
    request.put("restart", u.restart());
    try (SshLink.Session s = link.open(Wire.bytes(request), lifecycle.timeout())) {
      JsonNode first = s.read();
      failed(name, first);
      try {
        u.beforeRegistryWrite().run();
        lifecycle.registry().edit(f -> f.withRef(name, ref));
      } catch (RuntimeException e) {
        s.say("abort");
        JsonNode after = s.read();
        String undone = after.has("error") ? " and " + after.path("error").asText() : ", nothing changed";
        throw new ProjectException("project " + name + ": update to " + ref + " failed (" + e.getMessage() + ")" + undone, e);
      }
      s.say("commit");
      JsonNode last = s.read();
      failed(name, last);
      JsonNode r = last.path("result");
      return new UpdateResult(name, project.entry().ref(), ref, text(r, "fromCommit"), r.path("toCommit").asText(),
          text(r, "commit"), r.path("restarted").asBoolean());
    }
  }

  private static void failed(String name, JsonNode answer) {
    if (answer.has("error")) {
      throw new ProjectException(answer.path("error").asText());
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
