package dev.po.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.po.Po;
import dev.po.fleet.Problem;
import dev.po.fleet.Registry;
import dev.po.process.CreateMarker;
import dev.po.testing.GitCli;
import dev.po.process.CreateMarker;
import dev.po.testing.LockHolder;
import dev.po.process.CreateMarker;
import dev.po.testing.TempFleet;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A create killed at any moment leaves what these tests build by hand: its hidden work folder,
 * a folder it was filling in place, or a complete project it did not register. The next create
 * of the name finishes or cleans up; validate names what is left meanwhile. And an existing empty
 * folder is filled where it is.
 */
class CreateRecoveryTest {
  @TempDir Path tmp;
  TempFleet fleet;
  Po po;
  Path projects;

  @BeforeEach
  void fleet() throws Exception {
    fleet = TempFleet.create(tmp);
    po = Po.open(fleet.file());
    projects = Files.createDirectories(tmp.resolve("projects"));
  }

  @Test
  void aDeadCreatesWorkFolderIsNamedByValidateThenRemovedByTheNextCreate() throws Exception {
    Path work = Files.createDirectories(projects.resolve(".alpha.creating-1f2e"));
    Files.writeString(work.resolve(CreateMarker.NAME), "");
    Files.createDirectories(work.resolve(".git/objects"));
    Path empty = Files.createDirectories(projects.resolve(".alpha.creating-77"));
    List<String> problems = Registry.at(fleet.file()).validate().stream().map(Problem::toString).toList();
    assertTrue(problems.contains(fleet.file() + ": leftover folder " + work
        + " of an interrupted 'po create alpha': the next 'po create alpha' removes it"), problems.toString());
    assertTrue(problems.contains(fleet.file() + ": leftover folder " + empty
        + " of an interrupted 'po create alpha': the next 'po create alpha' removes it"), problems.toString());
    CreateResult r = po.create("alpha").setRef("v0.1.0").setRegister(true).call();
    assertEquals(projects.resolve("alpha"), r.root());
    assertEquals(List.of("alpha"), names(projects));
    assertEquals(List.of(), Registry.at(fleet.file()).validate());
  }

  @Test
  void aWorkFolderALiveCreateHoldsIsLeftAloneAndNamed() throws Exception {
    Path work = Files.createDirectories(projects.resolve(".alpha.creating-1f2e"));
    try (LockHolder live = LockHolder.holdFile(work.resolve(CreateMarker.NAME))) {
      ProjectException e = assertThrows(ProjectException.class, () -> po.create("alpha").setRef("v0.1.0").call());
      assertEquals("project alpha: another po create of alpha is running (" + work + ")", e.getMessage());
      assertTrue(Files.exists(work.resolve(CreateMarker.NAME)));
    }
  }

  @Test
  void aWorkFolderWithoutAMarkerIsNotProvablyACreatesAndIsNotTouched() throws Exception {
    Path work = Files.createDirectories(projects.resolve(".alpha.creating-1f2e"));
    Files.writeString(work.resolve("notes.txt"), "mine\n");
    ProjectException e = assertThrows(ProjectException.class, () -> po.create("alpha").setRef("v0.1.0").call());
    assertTrue(e.getMessage().contains(work + " looks like a leftover of an interrupted po create but holds no marker"),
        e.getMessage());
    assertEquals("mine\n", Files.readString(work.resolve("notes.txt")));
  }

  @Test
  void aFolderAKilledCreateWasFillingIsEmptiedAndFilledAgainInPlace() throws Exception {
    Path root = Files.createDirectories(projects.resolve("alpha"));
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-x---"));
    Files.writeString(root.resolve(CreateMarker.NAME), "");
    Files.createDirectories(root.resolve(".git/modules/engine"));
    Files.writeString(root.resolve("agents.toml"), "half");
    // a marker of an earlier po says no command: validate names the folder all the same
    assertEquals(List.of(fleet.file() + ": half-made project in " + root + " of an interrupted po create: run that"
        + " po create again with --location " + root + " (it empties the folder and fills it)"), validate());
    CreateResult r = po.create("alpha").setRef("v0.1.0").setRegister(true).call();
    assertFalse(r.found());
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
    assertFalse(Files.exists(root.resolve(CreateMarker.NAME)));
    assertEquals("", GitCli.git(root, "status", "--porcelain"));
    assertEquals(List.of(), Registry.at(fleet.file()).validate());
  }

  @Test
  void aCreateKilledWhileFillingAFolderInPlaceIsNamedByValidateWithTheCommandToRunAgain() throws Exception {
    Path root = Files.createDirectories(projects.resolve("alpha"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process create = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CreateKillMain.class.getName(),
        fleet.file().toString(), "alpha", root.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String said = new BufferedReader(new InputStreamReader(create.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertEquals("filling", said, "the create did not get to filling " + root);
      assertTrue(Files.exists(root.resolve(CreateMarker.NAME)));
      assertEquals(List.of(), validate(), "a live create's folder is not a leftover");
    } finally {
      create.destroyForcibly(); // SIGKILL: nothing of the create runs after it
      assertTrue(create.waitFor(60, TimeUnit.SECONDS));
    }
    String command = "po create alpha --ref v0.1.0 --location " + root + " --register";
    assertEquals(List.of(fleet.file() + ": half-made project in " + root + " of an interrupted '" + command
        + "': run that command again (it empties the folder and fills it)"), validate());

    po.create("alpha").setRef("v0.1.0").setLocation(root).setRegister(true).call(); // that command
    assertEquals(List.of(), validate());
    assertFalse(Files.exists(root.resolve(CreateMarker.NAME)));
    assertEquals("", GitCli.git(root, "status", "--porcelain"));
  }

  private List<String> validate() {
    return Registry.at(fleet.file()).validate().stream().map(Problem::toString).toList();
  }

  @Test
  void aCompleteProjectAKilledCreateDidNotRegisterIsRegisteredByTheRerun() throws Exception {
    CreateResult made = po.create("alpha").setRef("v0.1.0").call(); // as if killed before registering
    CreateResult again = po.create("alpha").setRef("v0.1.0").setRegister(true).call();
    assertTrue(again.found());
    assertTrue(again.registered());
    assertEquals(made.commit(), again.commit());
    assertEquals("v0.1.0", po.fleet().requireProject("alpha").ref());
    assertEquals(List.of(), Registry.at(fleet.file()).validate());
  }

  @Test
  void aProjectThatIsNotExactlyWhatTheCreateMakesIsRefusedWithTheRegisterCommand() throws Exception {
    po.create("alpha").setRef("v0.1.0").setAgent("builder").call();
    String before = fleet.text();
    ProjectException e = assertThrows(ProjectException.class, () -> po.create("alpha").setRef("v0.1.0").setRegister(true).call());
    assertEquals("project alpha: " + projects.resolve("alpha") + " already holds a project; to use it, run"
        + " 'po fleet register alpha --location " + projects.resolve("alpha") + " --ref v0.1.0'", e.getMessage());
    assertEquals(before, fleet.text());
    e = assertThrows(ProjectException.class, () -> po.create("alpha").setRef("v0.1.0").setAgent("builder").call());
    assertTrue(e.getMessage().contains("exactly as this create makes it; to use it, run 'po fleet register alpha"),
        e.getMessage());
  }

  @Test
  void anEmptyFolderKeepsItsOwnerAndMode() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "chown to another uid needs root");
    Path root = Files.createDirectories(projects.resolve("alpha"));
    assertEquals(0, new ProcessBuilder("chown", "1234:5678", root.toString()).inheritIO().start().waitFor());
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-x---"));
    po.create("alpha").setRef("v0.1.0").setRegister(true).call();
    assertEquals(1234, Files.getAttribute(root, "unix:uid"));
    assertEquals(5678, Files.getAttribute(root, "unix:gid"));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
    assertTrue(Files.isRegularFile(root.resolve("agents.toml")));
  }

  @Test
  void aLinkToAnEmptyFolderStaysALinkAndItsTargetIsFilled() throws Exception {
    Path target = Files.createDirectories(tmp.resolve("elsewhere/alpha"));
    Path link = Files.createSymbolicLink(projects.resolve("alpha"), target);
    po.create("alpha").setRef("v0.1.0").setRegister(true).call();
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.isRegularFile(target.resolve("agents.toml")));
    assertEquals("", GitCli.git(target, "status", "--porcelain"));
  }

  @Test
  void anEmptyMountPointIsFilledWhereItIs() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "mounting needs root");
    Path root = Files.createDirectories(projects.resolve("alpha"));
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "tmpfs", root.toString()).redirectErrorStream(true).start();
    assumeTrue(mount.waitFor() == 0, "this system does not let the tests mount a tmpfs");
    try {
      po.create("alpha").setRef("v0.1.0").setRegister(true).call();
      assertTrue(Files.isRegularFile(root.resolve("agents.toml")));
      String mounts = Files.readString(Path.of("/proc/self/mounts"));
      assertTrue(mounts.contains(" " + root.toRealPath() + " tmpfs "), "still mounted");
    } finally {
      new ProcessBuilder("umount", "-l", root.toString()).inheritIO().start().waitFor();
    }
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
