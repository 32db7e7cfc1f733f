package dev.po.project;

import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.Po;
import dev.po.testing.LockHolder;
import dev.po.testing.TempFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code create} against real git: a bare harness repository with tags, checked with the git CLI. */
class CreateTest {
  @TempDir Path tmp;
  TempFleet fleet;
  Po po;

  @BeforeEach
  void fleet() {
    fleet = TempFleet.create(tmp);
    po = Po.open(fleet.file());
  }

  @Test
  void makesAProjectPinnedAtATagInOneCleanCommit() throws Exception {
    CreateResult r = po.create("alpha").setRef("v0.1.0").call();
    Path root = tmp.resolve("projects/alpha");
    assertEquals(root, r.root());
    assertFalse(r.registered());
    assertEquals("agent-orchestrator", r.harness());
    assertEquals(fleet.harness().commit("v0.1.0"), r.engineCommit());
    assertEquals("", git(root, "status", "--porcelain"));
    assertEquals("1", git(root, "rev-list", "--count", "HEAD"));
    assertEquals(r.commit(), git(root, "rev-parse", "HEAD"));
    assertTrue(git(root, "submodule", "status").startsWith(r.engineCommit() + " engine (v0.1.0)"), git(root, "submodule", "status"));
    assertEquals("v0.1.0", git(root.resolve("engine"), "describe", "--tags"));
    assertEquals(
        List.of(".gitignore", ".gitmodules", "README.md", "agents.toml", "engine", "prompts/worker.md"),
        git(root, "ls-files").lines().sorted().toList());
    assertTrue(Files.readString(root.resolve("agents.toml")).contains("[agents.worker]\nprompt = \"prompts/worker.md\"\nwatch = \"heal\"\n"));
    assertEquals(".ao-state/", Files.readAllLines(root.resolve(".gitignore")).get(1));
    String readme = Files.readString(root.resolve("README.md"));
    assertTrue(readme.contains("engine/agents up") && readme.contains("engine/agents status") && readme.contains("engine/agents down"));
    assertTrue(readme.contains("engine/agents attach worker"), readme);
    assertTrue(readme.contains("git -c protocol.file.allow=always submodule update --init"), readme);
    assertTrue(Files.isExecutable(root.resolve("engine/agents")));
    // Not registered: the registry is untouched.
    assertFalse(fleet.text().contains("alpha"));
    assertTrue(git(root, "log", "-1", "--format=%B").contains("v0.1.0"));
  }

  @Test
  void theProjectContainsNothingAboutTheFleet() throws Exception {
    po.create("alpha").setRef("v0.1.0").setRegister(false).call();
    Path root = tmp.resolve("projects/alpha");
    List<String> offenders = new java.util.ArrayList<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (!Files.isRegularFile(p) || p.startsWith(root.resolve(".git/modules")) || p.startsWith(root.resolve("engine"))) {
          continue; // the harness's own files and objects are the harness's business
        }
        String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (text.contains("fleet") || text.contains(fleet.file().toString().toLowerCase(Locale.ROOT))
            || text.contains("project-orchestrator") || text.contains("po-core")) {
          offenders.add(root.relativize(p).toString());
        }
      }
    }
    assertEquals(List.of(), offenders);
    // The repository moves: its submodule records only relative paths.
    Path moved = tmp.resolve("elsewhere/alpha");
    Files.createDirectories(moved.getParent());
    Files.move(root, moved);
    assertEquals("", git(moved, "status", "--porcelain"));
    assertEquals("v0.1.0", git(moved.resolve("engine"), "describe", "--tags"));
  }

  @Test
  void acceptsABranchAndACommitButNotARemoteBranchNameOrAnExpression() throws Exception {
    String c = fleet.harness().commit("v0.1.0");
    assertEquals(c, po.create("by-commit").setRef(c.substring(0, 10)).call().engineCommit());
    assertEquals(fleet.harness().commit("v0.2.0"), po.create("by-branch").setRef("main").call().engineCommit());
    // origin/main would be recorded, and then name nothing to status: the branch is main
    ProjectException e = assertThrows(ProjectException.class, () -> po.create("by-remote").setRef("origin/main").call());
    assertTrue(e.getMessage().contains("no tag, branch or commit 'origin/main'"), e.getMessage());
    e = assertThrows(ProjectException.class, () -> po.create("by-expr").setRef("main~1").call());
    assertTrue(e.getMessage().startsWith("project by-expr: invalid ref 'main~1'"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("projects/by-remote")));
    assertFalse(Files.exists(tmp.resolve("projects/by-expr")));
    assertEquals("", git(tmp.resolve("projects/by-branch"), "status", "--porcelain"));
  }

  @Test
  void aRelativeHarnessUrlIsRelativeToTheRegistrysFolder() throws Exception {
    fleet.write(fleet.text().replace("url = \"" + fleet.harness().url() + "\"", "url = \"harness.git\""));
    CreateResult r = po.create("rel").setRef("v0.1.0").call();
    assertEquals(fleet.harness().url(), r.url());
    assertEquals("v0.1.0", git(r.root().resolve("engine"), "describe", "--tags"));
  }

  @Test
  void aFreshCloneOfTheProjectGetsItsEngineAtThePin() throws Exception {
    CreateResult r = po.create("alpha").setRef("v0.2.0").call();
    Path clone = tmp.resolve("clone");
    git(tmp, "clone", "-q", "--recurse-submodules", r.root().toString(), clone.toString());
    assertEquals(r.engineCommit(), git(clone.resolve("engine"), "rev-parse", "HEAD"));
    assertEquals("", git(clone, "status", "--porcelain"));
  }

  @Test
  void goesToAGivenLocationAndIntoAnEmptyFolder() throws Exception {
    Path there = Files.createDirectories(tmp.resolve("empty-here"));
    CreateResult r = po.create("beta").setRef("v0.2.0").setLocation(Path.of("empty-here")).call();
    assertEquals(there, r.root());
    assertEquals("v0.2.0", git(there.resolve("engine"), "describe", "--tags"));
    Path abs = tmp.resolve("deep/er/gamma");
    po.create("gamma").setRef("v0.2.0").setLocation(abs).setAgent("lead").setAgentCommand(List.of("sleep", "100000")).call();
    String agents = Files.readString(abs.resolve("agents.toml"));
    assertTrue(agents.contains("[agents.lead]\nprompt = \"prompts/lead.md\"\nwatch = \"heal\"\ncommand = [\"sleep\", \"100000\"]\n"), agents);
    assertTrue(Files.isRegularFile(abs.resolve("prompts/lead.md")));
  }

  @Test
  void registersWhenAsked() throws Exception {
    String before = fleet.text();
    CreateResult r = po.create("alpha").setRef("v0.1.0").setRegister(true).call();
    assertTrue(r.registered());
    String after = fleet.text();
    assertTrue(after.startsWith(before), "the operator's text is kept:\n" + after);
    var entry = po.fleet().requireProject("alpha");
    assertEquals("projects/alpha", entry.location());
    assertEquals("v0.1.0", entry.ref());
    assertNull(entry.harness());
    assertTrue(entry.enabled());
    assertEquals(tmp.resolve("projects/alpha"), po.project("alpha").root());
  }

  // --- refusals: each leaves nothing behind

  private void assertNothingBehind(String before) throws IOException {
    assertEquals(before, fleet.text());
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(
          List.of("fleet.toml", "harness-src", "harness.git"),
          // the lock file means nothing by itself: an edit that took the lock leaves it
          s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("fleet.toml.lock")).sorted().toList());
    }
  }

  @Test
  void refusesAnUnknownRef() throws Exception {
    String before = fleet.text();
    ProjectException e = assertThrows(ProjectException.class, () -> po.create("alpha").setRef("v9.9.9").setRegister(true).call());
    assertTrue(e.getMessage().contains("no tag, branch or commit 'v9.9.9'"), e.getMessage());
    assertNothingBehind(before);
  }

  @Test
  void refusesAnUnreachableUrl() throws Exception {
    fleet.append("\n[harnesses.gone]\nurl = \"" + tmp.resolve("no-such.git") + "\"\n");
    String before = fleet.text();
    ProjectException e =
        assertThrows(ProjectException.class, () -> po.create("alpha").setRef("v0.1.0").setHarness("gone").setRegister(true).call());
    assertTrue(e.getMessage().contains("git submodule add " + tmp.resolve("no-such.git")), e.getMessage());
    assertNothingBehind(before);
  }

  @Test
  void refusesANonEmptyLocationAndKeepsIt() throws Exception {
    Path taken = Files.createDirectories(tmp.resolve("projects/alpha"));
    Files.writeString(taken.resolve("mine.txt"), "keep me\n");
    String before = fleet.text();
    ProjectException e = assertThrows(ProjectException.class, () -> po.create("alpha").setRef("v0.1.0").setRegister(true).call());
    assertTrue(e.getMessage().contains(taken + " exists and is not empty"), e.getMessage());
    assertEquals(before, fleet.text());
    try (Stream<Path> s = Files.list(taken)) {
      assertEquals(List.of(taken.resolve("mine.txt")), s.toList());
    }
  }

  @Test
  void refusesANameAlreadyRegistered() throws Exception {
    fleet.addProject("alpha", "v0.1.0");
    String before = fleet.text();
    ProjectException e =
        assertThrows(ProjectException.class, () -> po.create("alpha").setRef("v0.1.0").setLocation(Path.of("other")).call());
    assertTrue(e.getMessage().contains("already registered"), e.getMessage());
    assertEquals(before, fleet.text());
    assertFalse(Files.exists(tmp.resolve("other")));
  }

  @Test
  void refusesAnUndeclaredHarnessAnInvalidNameAndNoRef() throws Exception {
    String before = fleet.text();
    assertTrue(assertThrows(ProjectException.class, () -> po.create("alpha").setRef("v0.1.0").setHarness("nope").call())
        .getMessage().contains("harness 'nope' is not declared"));
    assertTrue(assertThrows(ProjectException.class, () -> po.create("Alpha").setRef("v0.1.0").call())
        .getMessage().contains("invalid project name 'Alpha'"));
    assertTrue(assertThrows(ProjectException.class, () -> po.create("alpha").call())
        .getMessage().contains("a ref (tag, branch or commit) is required"));
    assertNothingBehind(before);
  }

  @Test
  void aRegistryThatCannotBeWrittenLeavesNoProject() throws Exception {
    String before = fleet.text();
    try (LockHolder holder = LockHolder.hold(fleet.file())) {
      ProjectException e = assertThrows(ProjectException.class, () -> po.create("alpha").setRef("v0.1.0").setRegister(true).call());
      assertTrue(e.getMessage().contains("another po is editing fleet.toml"), e.getMessage());
    }
    assertNothingBehind(before);
  }

  @Test
  void aFailedRegistrationRemovesTheProjectAndTheFoldersItMade() throws Exception {
    // The name is taken between the check and the registry write: someone else registered it.
    String before = fleet.text();
    CreateCommand c = po.create("alpha").setRef("v0.1.0").setRegister(true);
    fleet.append("\n[projects.alpha]\nlocation = \"elsewhere\"\nref = \"v0.1.0\"\n");
    String taken = fleet.text();
    assertThrows(ProjectException.class, c::call);
    assertEquals(taken, fleet.text());
    fleet.write(before);
    assertNothingBehind(before);
  }
}
