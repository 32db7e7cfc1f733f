package dev.po.local;

import dev.po.project.HarnessState;
import dev.po.project.ProjectStatus;
import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.Po;
import dev.po.fleet.Registry;
import dev.po.fleet.UnknownProjectException;
import dev.po.testing.ProjectRepo;
import dev.po.testing.TempFleet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusReaderTest {
  @TempDir Path tmp;

  @Test
  void reportsPinNameDriftAndSoundnessPerProject() throws java.io.IOException {
    TempFleet fleet = TempFleet.create(tmp);
    Path alpha = fleet.addProject("alpha", "v0.1.0");
    fleet.addProject("beta", "v0.1.0");
    fleet.register("gone", "projects/gone", "v0.1.0");
    ProjectRepo.createWithoutEngine(tmp.resolve("projects/plain"));
    fleet.register("plain", "projects/plain", "v0.1.0");
    java.nio.file.Files.writeString(tmp.resolve("projects/file"), "not a folder\n");
    fleet.register("file", "projects/file", "v0.1.0");
    Registry.at(fleet.file()).edit(f -> f.withRef("beta", "v0.2.0").withEnabled("beta", false));

    List<ProjectStatus> all = Po.open(fleet.file()).status();
    assertEquals(List.of("alpha", "beta", "gone", "plain", "file"), all.stream().map(ProjectStatus::name).toList());
    String v1 = fleet.harness().commit("v0.1.0");

    assertEquals(new ProjectStatus("alpha", true, "agent-orchestrator", "v0.1.0", alpha, true, null, v1, "v0.1.0",
        false, HarnessStates.of(alpha)), all.get(0));
    ProjectStatus beta = all.get(1);
    assertFalse(beta.enabled());
    assertEquals(v1, beta.pin());
    assertEquals("v0.1.0", beta.pinName());
    assertTrue(beta.drift());

    ProjectStatus gone = all.get(2);
    assertFalse(gone.exists());
    assertEquals("location " + tmp.resolve("projects/gone") + " does not exist", gone.problem());
    assertNull(gone.pin());
    assertEquals(HarnessState.UNKNOWN, gone.state());

    ProjectStatus plain = all.get(3);
    assertTrue(plain.exists());
    assertEquals(tmp.resolve("projects/plain") + " has no engine submodule", plain.problem());
    assertFalse(plain.sound());

    ProjectStatus file = all.get(4);
    assertFalse(file.exists());
    assertEquals(tmp.resolve("projects/file") + " is not a git repository", file.problem());
  }

  @Test
  void namedProjectsComeInTheOrderNamedAndUnknownNamesFail() {
    TempFleet fleet = TempFleet.create(tmp);
    fleet.addProject("alpha", "v0.1.0");
    fleet.addProject("beta", "v0.2.0");
    Po po = Po.open(fleet.file());
    assertEquals(List.of("beta", "alpha"), po.status("beta", "alpha").stream().map(ProjectStatus::name).toList());
    UnknownProjectException e = assertThrows(UnknownProjectException.class, () -> po.status("alpha", "nope"));
    assertEquals("nope", e.name());
  }

  @Test
  void aPinWithoutATagShowsItsShortCommitAndAnUninitialisedEngineAsksTheHarness() {
    TempFleet fleet = TempFleet.create(tmp);
    Path alpha = fleet.addProject("alpha", "v0.1.0");
    git(alpha.resolve("engine"), "commit", "-q", "--allow-empty", "-m", "local work");
    git(alpha, "commit", "-q", "-am", "engine at local work");
    git(tmp, "clone", "-q", alpha.toString(), tmp.resolve("projects/copy").toString());
    fleet.register("copy", "projects/copy", "v0.1.0");

    List<ProjectStatus> all = Po.open(fleet.file()).status();
    String pin = ProjectRepo.pin(alpha);
    assertEquals(pin.substring(0, 7), all.get(0).pinName());
    assertTrue(all.get(0).drift());
    // the clone has the gitlink but no engine repository: the harness URL answers, and has no such commit
    assertEquals(pin, all.get(1).pin());
    assertTrue(all.get(1).drift());
    assertNull(all.get(1).problem());
  }
}
