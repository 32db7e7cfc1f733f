package dev.po.project;

import dev.po.local.Trees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.Po;
import dev.po.fleet.HostEntry;
import dev.po.fleet.ProjectEntry;
import dev.po.fleet.Registry;
import dev.po.testing.SshHosts;
import dev.po.testing.TempFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile location strings thrown at a project on a real ssh host: each is refused by the registry
 * with a clear message, or travels to the host and back unchanged (in a status, and in a request
 * for its logs), and none is ever run by a shell there (the markers its command substitutions
 * would touch never appear).
 */
class RemoteLocationProperties {
  static Path dir;
  static SshHosts hosts;
  static String marker;

  @BeforeContainer
  static void start() throws IOException {
    dir = Files.createTempDirectory("po-hostile");
    if (!SshHosts.available() && !"true".equals(System.getenv("CI"))) {
      return;
    }
    hosts = SshHosts.start(dir.resolve("hosts"));
    marker = hosts.host("hosta").projectsDir().resolve("pwned").toString();
  }

  @AfterContainer
  static void stop() throws IOException {
    if (hosts != null) {
      hosts.close();
    }
    try {
      Trees.delete(dir);
    } catch (IOException e) {
      // a session of a host that just ended may still be writing its log: once more, then leave it
      try {
        Thread.sleep(1000);
        Trees.delete(dir);
      } catch (IOException | InterruptedException again) {
        System.err.println("left " + dir + ": " + again);
      }
    }
  }

  @Provide
  Arbitrary<List<String>> locations() {
    Arbitrary<String> prefix = Arbitraries.of("/srv/x", "~/", "/", "-", "", "~user/", "../");
    Arbitrary<String> fragment = Arbitraries.of(" ", "'", "\"", "$(touch " + "MARK" + ")", "`touch MARK`",
        ";touch MARK", "|", "&", "*", "\\", "..", "$HOME", "%s", "\n", "-o", "a b", "\t", "é", "#", "!", "${IFS}");
    Arbitrary<String> one = Combinators.join(prefix, fragment.list().ofMinSize(1).ofMaxSize(5));
    return one.list().ofMinSize(3).ofMaxSize(6).uniqueElements();
  }

  @Property(tries = 4)
  void aLocationIsRefusedOrTravelsUnchangedAndIsNeverRun(@ForAll("locations") List<String> raw) throws IOException {
    SshHosts.assumeAvailable();
    Path root = Files.createTempDirectory(dir, "fleet");
    TempFleet fleet = TempFleet.create(root);
    fleet.append("\n[hosts.hosta]\nssh_config = \"" + hosts.sshConfig() + "\"\n");
    List<String> accepted = new ArrayList<>();
    for (String r : raw) {
      String location = r.replace("MARK", marker);
      String problem = HostEntry.remotePathProblem(location);
      String name = "p" + accepted.size() + "-" + Integer.toHexString(location.hashCode() & 0xffff);
      try {
        ProjectEntry e = new ProjectEntry(name, location, null, "v0.1.0", true, "hosta");
        assertTrue(problem == null, "accepted a location the rule refuses: " + location);
        Registry.at(fleet.file()).edit(f -> f.withProject(e));
        accepted.add(location);
      } catch (dev.po.fleet.InvalidValueException e) {
        assertNotNull(problem, "refused a location the rule accepts: " + location + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("must be absolute or ~/") || e.getMessage().contains("must not hold")
            || e.getMessage().contains("must not be blank"), e.getMessage());
      } catch (dev.po.PoException e) {
        // two spellings of one folder (a/../b and b) are one location: the registry says so
        assertTrue(e.getMessage().contains("share location"), e.getMessage());
      }
    }
    List<ProjectStatus> all = Po.open(fleet.file()).status();
    List<String> back = new ArrayList<>();
    for (ProjectStatus s : all) {
      if (s.host() != null) {
        back.add(s.name());
        assertEquals("hosta", s.host());
        String location = Registry.at(fleet.file()).read().requireProject(s.name()).location();
        Path expected = location.startsWith("~/")
            ? Path.of(System.getProperty("user.home")).resolve(location.substring(2)).normalize()
            : Path.of(location).normalize();
        assertEquals(expected, s.path(), location);
        // the host sees this machine's folders outside its own projects folder: the same answer
        assertEquals(Files.isDirectory(expected), s.exists(), s.toString());
        assertEquals(s.exists() ? HarnessState.STOPPED : HarnessState.UNKNOWN, s.state(), s.toString());
        assertFalse(s.sound(), s.toString());
        // its logs are read there too, the location travelling as JSON: refused there in one line
        ProjectException e = org.junit.jupiter.api.Assertions.assertThrows(ProjectException.class,
            () -> Po.open(fleet.file()).project(s.name()).logs().call());
        assertTrue(e.getMessage().startsWith("project " + s.name() + ": "), e.getMessage());
      }
    }
    assertEquals(accepted.size(), back.size());
    assertFalse(hosts.exists("hosta", marker), "a location was run by a shell on the host");
  }

  /** jqwik's combine, spelled for two arbitraries joined into one string. */
  static final class Combinators {
    private Combinators() {}

    static Arbitrary<String> join(Arbitrary<String> head, Arbitrary<List<String>> tail) {
      return net.jqwik.api.Combinators.combine(head, tail).as((h, t) -> h + String.join("", t));
    }
  }
}
