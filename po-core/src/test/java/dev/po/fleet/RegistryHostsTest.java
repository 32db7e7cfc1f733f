package dev.po.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryHostsTest {
  @TempDir Path tmp;

  private Registry write(String text) throws IOException {
    Path file = tmp.resolve("fleet.toml");
    Files.writeString(file, text);
    return Registry.at(file);
  }

  private static List<String> problems(Registry r) {
    try {
      r.read();
      return List.of();
    } catch (RegistryException e) {
      return e.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
    }
  }

  private static final String HEAD = "[defaults]\nharness = \"ao\"\nconnect_timeout = 3\n\n[harnesses.ao]\nurl = \"/srv/ao.git\"\n\n";

  @Test
  void readsHostsAndProjectsOnThem() throws IOException {
    Registry r = write(HEAD
        + "[hosts.build-02]\nssh = \"ops@build-02.example.org\"\nssh_config = \"ssh/config\"\n"
        + "projects_dir = \"/srv/projects\"\nenv = { AO_TMUX_SOCKET = \"fleet\" }\n\n"
        + "[hosts.plain]\n\n"
        + "[projects.alpha]\nhost = \"build-02\"\nlocation = \"/srv/projects/alpha\"\nref = \"v0.1.0\"\n\n"
        + "[projects.beta]\nlocation = \"/srv/projects/alpha\"\nref = \"v0.1.0\"\n");
    Fleet f = r.read();
    assertEquals(List.of(
            new HostEntry("build-02", "ops@build-02.example.org", "ssh/config", "/srv/projects", Map.of("AO_TMUX_SOCKET", "fleet")),
            new HostEntry("plain", "plain", null, "~/projects", Map.of())),
        f.hosts());
    assertEquals("build-02", f.requireProject("alpha").host());
    assertEquals(null, f.requireProject("beta").host());
    assertEquals(3, f.defaults().connectTimeoutSeconds());
    assertEquals(tmp.resolve("ssh/config"), f.sshConfigOf(f.host("build-02").orElseThrow()).orElseThrow());
    // the same path on two machines is two locations
    assertEquals(Path.of("/srv/projects/alpha"), f.pathOf(f.requireProject("alpha")));
  }

  @Test
  void reportsEveryHostProblemAtItsKey() throws IOException {
    Registry r = write(HEAD
        + "[hosts.a]\nssh = \"-oProxyCommand=x\"\nprojects_dir = \"relative\"\nenv = { \"BAD NAME\" = \"x\", OK = 1 }\nport = 22\n\n"
        + "[hosts.Bad]\n\n"
        + "[projects.p]\nhost = \"nowhere\"\nlocation = \"/p\"\nref = \"v1\"\n\n"
        + "[projects.q]\nhost = \"b\"\nlocation = \"rel/q\"\nref = \"v1\"\n\n"
        + "[hosts.b]\n\n"
        + "[projects.r]\nhost = \"b\"\nlocation = \"~/r\"\nref = \"v1\"\n\n"
        + "[projects.s]\nhost = \"b\"\nlocation = \"~/r\"\nref = \"v1\"\n");
    assertEquals(List.of(
            "9:1: bad ssh destination '-oProxyCommand=x': use user@host, host or an ssh config alias",
            "10:1: 'projects_dir' 'relative' must be absolute or ~/... on another host",
            "11:9: invalid environment variable name 'BAD NAME'",
            "11:27: 'env.OK' must be a string, not an integer",
            "12:1: unknown key 'port' in [hosts.a]",
            "14:1: invalid host name 'Bad': use 1-63 of a-z 0-9 _ -, starting with a letter or digit",
            "17:1: project 'p' names undeclared host 'nowhere'",
            "23:1: project 'q' is on host 'b': location 'rel/q' must be absolute or ~/... on another host",
            "35:1: projects 'r' and 's' share location b:~/r"),
        problems(r));
  }

  @Test
  void aBadConnectTimeoutIsReported() throws IOException {
    Registry r = write("[defaults]\nconnect_timeout = \"10s\"\n");
    assertEquals(List.of("2:1: 'connect_timeout' must be an integer (seconds), not a string"), problems(r));
    r = write("[defaults]\nconnect_timeout = 0\n");
    assertEquals(List.of("2:1: 'connect_timeout' must be 1 to 3600 seconds, not 0"), problems(r));
  }

  @Test
  void anEditRecordsAProjectOnAHostAndReadsItBack() throws IOException {
    Registry r = write(HEAD + "[hosts.b]\nssh = \"ops@b\"\n");
    r.edit(f -> f.withProject(new ProjectEntry("gamma", "~/projects/gamma", null, "v0.1.0", true, "b")));
    String text = Files.readString(tmp.resolve("fleet.toml"));
    assertTrue(text.endsWith("[projects.gamma]\nlocation = \"~/projects/gamma\"\nhost = \"b\"\nref = \"v0.1.0\"\n"), text);
    assertEquals("b", r.read().requireProject("gamma").host());
    assertThrows(dev.po.fleet.InvalidValueException.class, () -> new ProjectEntry("x", "rel", null, "v1", true, "b"));
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> r.edit(f -> f.withProject(new ProjectEntry("d", "/d", null, "v1", true, "nowhere"))));
    assertTrue(e.getMessage().contains("undeclared host 'nowhere'"), e.getMessage());
  }
}
