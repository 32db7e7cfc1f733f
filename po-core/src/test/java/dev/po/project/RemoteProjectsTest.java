package dev.po.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.Po;
import dev.po.testing.HarnessRepo;
import dev.po.testing.LockHolder;
import dev.po.testing.SshHosts;
import dev.po.testing.SshHostsExtension;
import dev.po.testing.TempFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Projects on real ssh hosts (see {@link SshHosts}), mixed with local ones in one registry. */
class RemoteProjectsTest {
  @RegisterExtension static final SshHostsExtension HOSTS = new SshHostsExtension();
  SshHosts hosts;
  @TempDir Path tmp;
  TempFleet fleet;
  String alpha;
  String beta;

  @BeforeEach
  void fleet() {
    hosts = HOSTS.get();
    fleet = TempFleet.create(tmp);
    fleet.addProject("local", "v0.1.0");
    alpha = hosts.host("hosta").projectsDir().resolve(tmp.getFileName() + "/alpha").toString();
    beta = hosts.host("hostb").projectsDir().resolve(tmp.getFileName() + "/beta").toString();
    hosts.makeProject("hosta", alpha, fleet.harness().url(), "v0.1.0");
    hosts.makeProject("hostb", beta, fleet.harness().url(), "v0.2.0");
    fleet.append(hosts.table("hosta") + hosts.table("hostb") + hosts.table("dead", "deadhost", Map.of())
        + "\n[projects.alpha]\nhost = \"hosta\"\nlocation = \"" + alpha + "\"\nref = \"v0.1.0\"\n"
        + "\n[projects.beta]\nhost = \"hostb\"\nlocation = \"" + beta + "\"\nref = \"v0.1.0\"\n"
        + "\n[projects.gone]\nhost = \"dead\"\nlocation = \"~/projects/gone\"\nref = \"v0.1.0\"\n");
  }

  @Test
  void statusReadsEachHostThereAndAnUnreachableOneDoesNotHoldUpTheOthers() {
    assertFalse(Files.exists(Path.of(alpha)), "the host's project must not be visible here");
    List<ProjectStatus> all = Po.open(fleet.file()).status();
    assertEquals(List.of("local", "alpha", "beta", "gone"), all.stream().map(ProjectStatus::name).toList());
    ProjectStatus local = all.get(0);
    assertNull(local.host());
    assertTrue(local.sound());
    ProjectStatus a = all.get(1);
    assertEquals("hosta", a.host());
    assertEquals(Path.of(alpha), a.path());
    assertTrue(a.sound(), String.valueOf(a.problem()));
    assertEquals(fleet.harness().commit("v0.1.0"), a.pin());
    assertEquals("v0.1.0", a.pinName());
    assertFalse(a.drift());
    assertEquals(HarnessState.STOPPED, a.state(), "never started");
    ProjectStatus b = all.get(2);
    assertEquals("hostb", b.host());
    assertEquals(fleet.harness().commit("v0.2.0"), b.pin());
    assertTrue(b.drift(), "beta pins v0.2.0 where the registry says v0.1.0");
    ProjectStatus gone = all.get(3);
    assertEquals(HarnessState.UNREACHABLE, gone.state());
    assertTrue(gone.problem().startsWith("host dead: ") && gone.problem().contains("refused"), gone.problem());
  }

  @Test
  void aHostWithoutJavaIsNamedInOneLine() {
    fleet.append(hosts.table("bare", "barehost", Map.of())
        + "\n[projects.nojava]\nhost = \"bare\"\nlocation = \"" + alpha + "\"\nref = \"v0.1.0\"\n");
    ProjectStatus s = Po.open(fleet.file()).status("nojava").get(0);
    assertEquals(HarnessState.UNREACHABLE, s.state());
    assertEquals("host bare: no java on PATH", s.problem());
  }

  @Test
  void aSilentHostCostsTheConnectTimeoutAndNoMore() {
    fleet.write(fleet.text().replace("[defaults]\n", "[defaults]\nconnect_timeout = 2\n")
        + hosts.table("silent", "silenthost", Map.of())
        + "\n[projects.mute]\nhost = \"silent\"\nlocation = \"/srv/mute\"\nref = \"v0.1.0\"\n");
    long t0 = System.nanoTime();
    List<ProjectStatus> all = Po.open(fleet.file()).status("alpha", "mute");
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertEquals(HarnessState.UNREACHABLE, all.get(1).state());
    assertTrue(all.get(0).sound(), String.valueOf(all.get(0).problem()));
    // generous for a loaded machine; without the connect timeout this would never return
    assertTrue(took.compareTo(Duration.ofSeconds(60)) < 0, "took " + took);
  }

  @Test
  void tenDeadHostsCostOneConnectTimeoutTogetherAndTheLiveOnesAnswerAsUsual() {
    int timeout = 5;
    StringBuilder more = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      // most accept the connection and never speak, so each costs the whole connect timeout
      more.append(hosts.table("mute" + i, i < 8 ? "silenthost" : "deadhost", Map.of()))
          .append("\n[projects.m").append(i).append("]\nhost = \"mute").append(i)
          .append("\"\nlocation = \"/srv/m").append(i).append("\"\nref = \"v0.1.0\"\n");
    }
    fleet.write(fleet.text().replace("[defaults]\n", "[defaults]\nconnect_timeout = " + timeout + "\n") + more);
    Po po = Po.open(fleet.file());
    // the jar is copied there and its class-data archive made once: not what is measured
    po.status("alpha", "beta");
    long t0 = System.nanoTime();
    List<ProjectStatus> all = po.status();
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertEquals(14, all.size());
    assertTrue(all.get(0).sound(), String.valueOf(all.get(0).problem()));
    ProjectStatus a = all.get(1);
    assertTrue(a.sound(), String.valueOf(a.problem()));
    assertEquals("v0.1.0", a.pinName());
    assertTrue(all.get(2).drift(), all.get(2).toString());
    for (ProjectStatus m : all.subList(4, 14)) {
      assertEquals(HarnessState.UNREACHABLE, m.state(), m.toString());
      assertTrue(m.problem().startsWith("host mute"), m.problem());
    }
    // fourteen hosts (this machine, hosta, hostb, dead and the ten) worked eight at a time would
    // wait for two connect timeouts at least
    assertTrue(took.compareTo(Duration.ofSeconds(2L * timeout)) < 0, "took " + took);
  }

  @Test
  void aProjectOnAnUnreachableHostSaysSoInOneLine() {
    Project gone = Po.open(fleet.file()).project("gone");
    assertEquals(HarnessState.UNREACHABLE, gone.state());
    HostException e = assertThrows(HostException.class, gone::harnessStatus);
    assertTrue(e.getMessage().startsWith("host dead: ssh: connect to host") && !e.getMessage().contains("\n"),
        e.getMessage());
    e = assertThrows(HostException.class, () -> gone.logs().call());
    assertTrue(e.getMessage().startsWith("host dead: ssh: connect to host"), e.getMessage());
  }

  @Test
  void startAndStopRunTheLauncherOnTheHost() {
    Po po = Po.open(fleet.file());
    LaunchSummary up = po.start("alpha", "local", "beta", "gone").call();
    List<LaunchResult> r = up.results();
    assertEquals(List.of("alpha", "local", "beta", "gone"), r.stream().map(LaunchResult::project).toList());
    assertEquals(LaunchResult.Outcome.DONE, r.get(0).outcome(), r.get(0).message());
    assertEquals(LaunchResult.Outcome.DONE, r.get(1).outcome(), r.get(1).message());
    assertEquals(LaunchResult.Outcome.DONE, r.get(2).outcome(), r.get(2).message());
    assertTrue(r.get(3).failed() && r.get(3).message().startsWith("host dead: "), r.get(3).message());
    assertEquals(List.of("up"), hosts.launcherLog("hosta", alpha));
    assertEquals(List.of("up"), hosts.launcherLog("hostb", beta));
    assertEquals(List.of("up"), HarnessRepo.launcherLog(tmp.resolve("projects/local")));
    po.project("alpha").stop();
    assertEquals(List.of("up", "down"), hosts.launcherLog("hosta", alpha));
  }

  @Test
  void updateMovesThePinThereThenRecordsTheRef() {
    Po po = Po.open(fleet.file());
    String before = hosts.git("hosta", alpha, "rev-parse", "HEAD");
    UpdateResult r = po.project("alpha").update("v0.2.0").call();
    assertEquals("v0.1.0", r.fromRef());
    assertEquals(fleet.harness().commit("v0.1.0"), r.fromCommit());
    assertEquals(fleet.harness().commit("v0.2.0"), r.toCommit());
    assertEquals(fleet.harness().commit("v0.2.0"), hosts.git("hosta", alpha, "rev-parse", "HEAD:engine"));
    assertEquals(r.commit(), hosts.git("hosta", alpha, "rev-parse", "HEAD"));
    assertEquals(before, hosts.git("hosta", alpha, "rev-parse", "HEAD~1"));
    assertEquals("v0.2.0", po.fleet().requireProject("alpha").ref());
  }

  @Test
  void aRefusedUpdateChangesNeitherSide() {
    Po po = Po.open(fleet.file());
    String text = fleet.text();
    String head = hosts.git("hosta", alpha, "rev-parse", "HEAD");
    ProjectException e = assertThrows(ProjectException.class, () -> po.project("alpha").update("v9").call());
    assertTrue(e.getMessage().contains("no tag, branch or commit 'v9'"), e.getMessage());
    assertEquals(text, fleet.text());
    assertEquals(head, hosts.git("hosta", alpha, "rev-parse", "HEAD"));
  }

  @Test
  void aRegistryThatCannotBeWrittenPutsTheFarSideBack() {
    Po po = Po.open(fleet.file());
    String text = fleet.text();
    String head = hosts.git("hosta", alpha, "rev-parse", "HEAD");
    Project alphaProject = po.project("alpha");
    ProjectException e = assertThrows(ProjectException.class, () -> alphaProject.update("v0.2.0")
        .beforeRegistryWrite(() -> {
          throw new IllegalStateException("disk full");
        }).call());
    assertTrue(e.getMessage().contains("disk full") && e.getMessage().contains("nothing changed"), e.getMessage());
    assertEquals(text, fleet.text());
    assertEquals(head, hosts.git("hosta", alpha, "rev-parse", "HEAD"));
    assertEquals(fleet.harness().commit("v0.1.0"), hosts.git("hosta", alpha, "rev-parse", "HEAD:engine"));
    assertEquals(fleet.harness().commit("v0.1.0"), hosts.git("hosta", alpha + "/engine", "rev-parse", "HEAD"));
  }

  @Test
  void createMakesTheProjectOnTheHostAndRegistersItHere() {
    Po po = Po.open(fleet.file());
    String where = hosts.host("hostb").projectsDir().resolve(tmp.getFileName() + "/made").toString();
    CreateResult r = po.create("made").setRef("v0.2.0").setHost("hostb").setRemoteLocation(where).setRegister(true).call();
    assertEquals(Path.of(where), r.root());
    assertEquals(fleet.harness().commit("v0.2.0"), r.engineCommit());
    assertFalse(Files.exists(Path.of(where)), "made there, not here");
    assertEquals(fleet.harness().commit("v0.2.0"), hosts.git("hostb", where, "rev-parse", "HEAD:engine"));
    assertEquals(r.commit(), hosts.git("hostb", where, "rev-parse", "HEAD"));
    var entry = po.fleet().requireProject("made");
    assertEquals("hostb", entry.host());
    assertEquals(where, entry.location());
    ProjectStatus s = po.status("made").get(0);
    assertTrue(s.sound(), String.valueOf(s.problem()));
    assertFalse(s.drift());
  }

  @Test
  void aCreateThatFindsItsProjectMadeThereNamesTheRegisterCommandWithItsHost() {
    Po po = Po.open(fleet.file());
    String where = hosts.host("hostb").projectsDir().resolve(tmp.getFileName() + "/kept").toString();
    po.create("kept").setRef("v0.1.0").setHost("hostb").setRemoteLocation(where).call();
    ProjectException e = assertThrows(ProjectException.class,
        () -> po.create("kept").setRef("v0.1.0").setHost("hostb").setRemoteLocation(where).call());
    assertTrue(e.getMessage().contains("run 'po fleet register kept --host hostb --location " + where + " --ref v0.1.0"),
        e.getMessage());
  }

  @Test
  void aRefusedCreateLeavesNothingOnTheHostNorInTheRegistry() throws Exception {
    Po po = Po.open(fleet.file());
    String text = fleet.text();
    String parent = hosts.host("hostb").projectsDir().resolve(tmp.getFileName() + "/new-parent").toString();
    String where = parent + "/made";
    ProjectException e = assertThrows(ProjectException.class,
        () -> po.create("made").setRef("v9").setHost("hostb").setRemoteLocation(where).setRegister(true).call());
    assertTrue(e.getMessage().contains("v9"), e.getMessage());
    assertFalse(hosts.exists("hostb", parent), "nothing left on the host");
    assertEquals(text, fleet.text());
    // a registry that cannot be written after the far side made the project: removed there again
    try (LockHolder held = LockHolder.hold(fleet.file())) {
      e = assertThrows(ProjectException.class,
          () -> po.create("late").setRef("v0.1.0").setHost("hostb").setRemoteLocation(where).setRegister(true).call());
    }
    assertTrue(e.getMessage().contains("not registered") && e.getMessage().contains("nothing was left on hostb"),
        e.getMessage());
    assertEquals(text, fleet.text());
    assertFalse(hosts.exists("hostb", parent), "nothing left on the host");
  }

  /** The 1-based line of the first line of the registry that starts with {@code start}, after {@code after}. */
  private int line(String after, String start) {
    List<String> lines = fleet.text().lines().toList();
    int from = lines.indexOf(after);
    for (int i = Math.max(0, from); i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line " + start + " after " + after);
  }

  @Test
  void validateChecksEachHostsProjectsThereAndPlacesTheProblemsHere() {
    fleet.append("\n[harnesses.here-only]\nurl = \"harness.git\"\n"
        + "\n[harnesses.far-away]\nurl = \"/srv/no-such/harness.git\"\n"
        + "\n[projects.odd2]\nhost = \"hosta\"\nharness = \"far-away\"\nlocation = \"/srv/odd2\"\nref = \"v0.1.0\"\n"
        + "\n[projects.lost]\nhost = \"hosta\"\nlocation = \"/srv/nothing/here\"\nref = \"v0.1.0\"\n"
        + "\n[projects.odd]\nhost = \"hostb\"\nharness = \"here-only\"\nlocation = \"" + beta + "\"\nref = \"v0.1.0\"\n");
    // odd shares beta's folder on purpose: the registry refuses that, so give it its own
    fleet.write(fleet.text().replace("location = \"" + beta + "\"\nref = \"v0.1.0\"\n\n[projects.gone]",
        "location = \"" + beta + "\"\nref = \"v0.1.0\"\n\n[projects.gone]").replace(
        "harness = \"here-only\"\nlocation = \"" + beta + "\"", "harness = \"here-only\"\nlocation = \"" + beta + "-odd\""));
    List<String> got = Po.open(fleet.file()).validate().stream()
        .map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
    String pin = fleet.harness().commit("v0.2.0").substring(0, 7);
    String want = fleet.harness().commit("v0.1.0").substring(0, 7);
    assertEquals(7, got.size(), String.join("\n", got));
    assertEquals(line("[projects.beta]", "ref") + ":1: project beta: engine pinned at v0.2.0 (" + pin
        + "), the registry says v0.1.0 (" + want + "): run 'po update beta v0.1.0' or set ref = \"v0.2.0\""
        + " (an interrupted po update finishes when run again)", got.get(0));
    assertTrue(got.get(1).startsWith(line("[projects.gone]", "[projects.gone]") + ":1: host dead: "), got.get(1));
    assertEquals(line("[projects.lost]", "location") + ":1: project lost: location /srv/nothing/here does not exist: correct location, or run"
        + " 'po fleet unregister lost' if the project is retired", got.get(4));
    assertEquals(line("[projects.odd2]", "[projects.odd2]") + ":1: harness 'far-away' url /srv/no-such/harness.git"
        + " cannot be read there: /srv/no-such/harness.git: not found.", got.get(2));
    assertEquals(line("[projects.odd2]", "location") + ":1: project odd2: location /srv/odd2 does not exist: correct location, or run"
        + " 'po fleet unregister odd2' if the project is retired", got.get(3));
    assertTrue(got.get(5).startsWith(line("[projects.odd]", "[projects.odd]")
        + ":1: project 'odd' is on host hostb, but harness 'here-only' url harness.git is a path on this machine"), got.get(5));
    assertTrue(got.get(6).startsWith(line("[projects.odd]", "location") + ":1: project odd: location " + beta + "-odd does not exist"),
        got.get(6));
  }
}
