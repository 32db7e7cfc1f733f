package dev.po.ssh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.po.host.Target;
import dev.po.host.UpdateRequest;
import dev.po.project.ProjectException;
import dev.po.project.UpdateResult;
import dev.po.wire.Op;
import dev.po.wire.Wire;

/**
 * An update of a project on another host, as one conversation with the po there: it pins the
 * project (the same code as here) and waits; this side records the ref through the request's
 * recorder and says {@code commit}, or says {@code abort} when it could not, and the far side puts
 * the project back as it was. So the registry is changed only after the far side succeeded, and a
 * project is never left moved without its registry saying so, short of a kill in between, which
 * status shows as drift.
 */
final class RemoteUpdate {
  private RemoteUpdate() {}

  static UpdateResult call(SshLink link, UpdateRequest u) {
    Target project = u.target();
    String ref = u.ref();
    String name = project.name();
    ObjectNode request = SshHost.request(Op.UPDATE, project);
    request.put("ref", ref);
    request.put("restart", u.restart());
    try (SshLink.Session s = link.open(Wire.bytes(request), project.settings().timeout())) {
      Wire.orThrow(s.read());
      try {
        u.recorder().record(null);
      } catch (RuntimeException e) {
        s.say("abort");
        JsonNode after = s.read();
        String undone = Wire.failed(after) ? " and " + after.path("error").asText() : ", nothing changed";
        throw new ProjectException("project " + name + ": update to " + ref + " failed (" + e.getMessage() + ")" + undone, e);
      }
      s.say("commit");
      JsonNode last = Wire.orThrow(s.read());
      return Wire.readUpdated(last.path("result"), name, project.entry().ref(), ref);
    }
  }
}
