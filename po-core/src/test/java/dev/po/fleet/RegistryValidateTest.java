package dev.po.fleet;

import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.po.testing.ProjectRepo;
import dev.po.testing.TempFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryValidateTest {
  @TempDir Path tmp;

  private List<String> problems(TempFleet fleet) {
    return Registry.at(fleet.file()).validate().stream()
        .map(p -> p.line() + ":" + p.column() + ": " + p.message())
        .toList();
  }

  @Test
  void aSoundFleetHasNoProblems() {
    TempFleet fleet = TempFleet.create(tmp);
    fleet.addProject("alpha", "v0.1.0");
    fleet.addProject("beta", "v0.2.0");
    assertEquals(List.of(), problems(fleet));
  }

  @Test
  void reportsEveryUnsoundLocationAtItsLocationKey() throws IOException {
    TempFleet fleet = TempFleet.create(tmp);
    fleet.register("gone", "projects/gone", "v0.1.0");
    Files.createDirectories(tmp.resolve("projects/plain"));
    fleet.register("plain", "projects/plain", "v0.1.0");
    ProjectRepo.createWithoutEngine(tmp.resolve("projects/bare"));
    fleet.register("bare", "projects/bare", "v0.1.0");
    assertEquals(
        List.of(
            "10:1: project gone: location " + tmp.resolve("projects/gone") + " does not exist: correct location,"
                + " or run 'po fleet unregister gone' if the project is retired",
            "14:1: project plain: " + tmp.resolve("projects/plain") + " is not a git repository",
            "18:1: project bare: " + tmp.resolve("projects/bare") + " has no engine submodule"),
        problems(fleet));
  }

  @Test
  void reportsDriftAndUnknownRefsAtTheRefKey() {
    TempFleet fleet = TempFleet.create(tmp);
    fleet.addProject("alpha", "v0.1.0");
    fleet.addProject("beta", "v0.1.0");
    Registry.at(fleet.file()).edit(f -> f.withRef("alpha", "v0.2.0").withRef("beta", "v9"));
    String pin = fleet.harness().commit("v0.1.0").substring(0, 7);
    String want = fleet.harness().commit("v0.2.0").substring(0, 7);
    assertEquals(
        List.of(
            "11:1: project alpha: engine pinned at v0.1.0 (" + pin + "), the registry says v0.2.0 (" + want + "):"
                + " run 'po update alpha v0.2.0' or set ref = \"v0.1.0\" (an interrupted po update finishes when run again)",
            "15:1: project beta: ref 'v9' is not known in the harness repository"),
        problems(fleet));
  }

  @Test
  void branchesAndCommitsResolveToo() {
    TempFleet fleet = TempFleet.create(tmp);
    fleet.addProject("alpha", "v0.2.0");
    fleet.addProject("beta", "v0.1.0");
    String v1 = fleet.harness().commit("v0.1.0");
    Registry.at(fleet.file()).edit(f -> f.withRef("alpha", "main").withRef("beta", v1.substring(0, 8)));
    assertEquals(List.of(), problems(fleet));
    Registry.at(fleet.file()).edit(f -> f.withRef("beta", "main"));
    assertEquals(1, problems(fleet).size(), problems(fleet).toString());
  }

  @Test
  void aCloneWithoutItsSubmoduleIsCheckedAgainstTheHarnessUrl() {
    TempFleet fleet = TempFleet.create(tmp);
    Path alpha = fleet.addProject("alpha", "v0.1.0");
    git(tmp, "clone", "-q", alpha.toString(), tmp.resolve("projects/copy").toString());
    fleet.register("copy", "projects/copy", "v0.1.0");
    assertEquals(List.of(), problems(fleet));
    Registry.at(fleet.file()).edit(f -> f.withRef("copy", "v0.2.0"));
    assertEquals(1, problems(fleet).size(), problems(fleet).toString());
  }

  @Test
  void reportsProjectsThatBreakTheOneRule() {
    TempFleet fleet = TempFleet.create(tmp);
    Path alpha = fleet.addProject("alpha", "v0.1.0");
    ProjectRepo.commitFile(alpha, "fleet.toml", "[projects.x]\n");
    ProjectRepo.commitFile(alpha, "docs/README.md", "Run it with\n  po fleet start\n");
    ProjectRepo.commitFile(alpha, "notes.txt", "hippo fleet, myfleet.toml and project-orchestrators are fine\n");
    Path beta = fleet.addProject("beta", "v0.1.0");
    ProjectRepo.commitFile(beta, "src/Main.java", "// see Project-Orchestrator\n");
    assertEquals(
        List.of(
            "9:1: project alpha: breaks the one rule: docs/README.md mentions 'po fleet'",
            "9:1: project alpha: breaks the one rule: tracks fleet.toml",
            "13:1: project beta: breaks the one rule: src/Main.java mentions 'Project-Orchestrator'"),
        problems(fleet));
  }

  @Test
  void staticProblemsComeWithTheDiskOnes() {
    TempFleet fleet = TempFleet.create(tmp);
    fleet.register("gone", "projects/gone", "v0.1.0");
    fleet.append("enabeld = true\n");
    assertEquals(
        List.of(
            "10:1: project gone: location " + tmp.resolve("projects/gone") + " does not exist: correct location,"
                + " or run 'po fleet unregister gone' if the project is retired",
            "12:1: unknown key 'enabeld' in [projects.gone]"),
        problems(fleet));
  }

  @Test
  void aMissingFileIsOneProblem() {
    assertEquals(List.of(new Problem(tmp.resolve("fleet.toml"), 0, 0, "no such file")),
        Registry.at(tmp.resolve("fleet.toml")).validate());
  }
}
