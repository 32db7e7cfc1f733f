package dev.po.cli.fleet;

import static dev.po.cli.PoRun.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.po.cli.PoRun;
import dev.po.testing.SshHosts;
import dev.po.testing.SshHostsExtension;
import dev.po.testing.TempFleet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every project command, typed as an operator would, on a project of a real ssh host. */
class RemoteCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final SshHostsExtension HOSTS = new SshHostsExtension();
  @TempDir Path tmp;

  @Test
  void createRegisterStatusStartUpdateStopValidateOnAHost() throws Exception {
    SshHosts hosts = HOSTS.get();
    TempFleet fleet = TempFleet.create(tmp);
    fleet.addProject("local", "v0.1.0");
    String dir = hosts.host("hosta").projectsDir().resolve(tmp.getFileName().toString()).toString();
    fleet.append(hosts.table("build", "hosta", Map.of()) + "projects_dir = \"" + dir + "\"\n"
        + hosts.table("dead", "deadhost", Map.of()));

    PoRun r = on(fleet.file(), "create", "alpha", "--ref", "v0.1.0", "--host", "build", "--register");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().startsWith("created alpha at build:" + dir + "/alpha: engine at agent-orchestrator v0.1.0"), r::toString);
    assertTrue(hosts.exists("hosta", dir + "/alpha/engine/agents"));

    hosts.makeProject("hosta", dir + "/beta", fleet.harness().url(), "v0.2.0");
    r = on(fleet.file(), "fleet", "register", "beta", "--host", "build", "--location", dir + "/beta", "--ref", "v0.2.0");
    assertEquals(0, r.code(), r::toString);
    assertEquals(List.of("registered beta at build:" + dir + "/beta (ref v0.2.0)"), r.outLines());
    r = on(fleet.file(), "fleet", "register", "gone", "--host", "dead", "--location", "~/gone", "--ref", "v0.1.0");
    assertEquals(0, r.code(), r::toString);
    r = on(fleet.file(), "fleet", "register", "rel", "--host", "build", "--location", "rel/x", "--ref", "v0.1.0");
    assertEquals(1, r.code(), r::toString);
    assertEquals(List.of("po: project rel: location 'rel/x' must be absolute or ~/... on another host"), r.errLines());

    r = on(fleet.file(), "fleet", "status", "--json");
    assertEquals(0, r.code(), r::toString);
    JsonNode all = JSON.readTree(r.out());
    assertEquals(4, all.size(), r::toString);
    assertTrue(all.get(0).get("host").isNull());
    assertEquals("build", all.get(1).get("host").asText());
    assertEquals(dir + "/alpha", all.get(1).get("path").asText());
    assertEquals("v0.1.0", all.get(1).get("pinName").asText());
    assertTrue(all.get(1).get("sound").asBoolean(), r::toString);
    assertEquals("dead", all.get(3).get("host").asText());
    assertEquals("unreachable", all.get(3).get("state").asText());
    assertTrue(all.get(3).get("problem").asText().startsWith("host dead: ssh: connect to host"), r::toString);

    r = on(fleet.file(), "fleet", "status");
    assertEquals(List.of("NAME", "HOST", "ENABLED", "HARNESS@REF", "PIN", "LOCATION", "STATE"),
        List.of(r.outLines().get(0).trim().split("\\s+")), r::toString);

    r = on(fleet.file(), "fleet", "get", "alpha", "--json");
    assertEquals("build", JSON.readTree(r.out()).get("host").asText(), r::toString);

    r = on(fleet.file(), "start", "alpha");
    assertEquals(0, r.code(), r::toString);
    assertEquals(List.of("up"), hosts.launcherLog("hosta", dir + "/alpha"));

    r = on(fleet.file(), "update", "alpha", "v0.2.0");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().startsWith("alpha: engine v0.1.0 (" + fleet.harness().commit("v0.1.0").substring(0, 12) + ") -> v0.2.0"),
        r::toString);
    assertTrue(fleet.text().contains("[projects.alpha]\nlocation = \"" + dir + "/alpha\"\nhost = \"build\"\nref = \"v0.2.0\"\n"),
        fleet::text);

    r = on(fleet.file(), "stop", "alpha");
    assertEquals(0, r.code(), r::toString);
    assertEquals(List.of("up", "down"), hosts.launcherLog("hosta", dir + "/alpha"));

    r = on(fleet.file(), "fleet", "validate");
    assertEquals(1, r.code(), r::toString);
    assertEquals(1, r.outLines().size(), r::toString);
    assertTrue(r.outLines().get(0).contains(": host dead: ssh: connect to host"), r::toString);
  }
}
