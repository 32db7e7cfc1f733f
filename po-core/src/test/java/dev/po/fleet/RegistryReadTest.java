package dev.po.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryReadTest {
  @TempDir Path tmp;

  private Registry write(String text) throws IOException {
    Path file = tmp.resolve("fleet.toml");
    Files.writeString(file, text);
    return Registry.at(file);
  }

  /** The problems of {@code text}, as {@code line:col: message} without the file name. */
  private List<String> problems(String text) throws IOException {
    RegistryException e = assertThrows(RegistryException.class, write(text)::read);
    return e.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
  }

  private static final String HEAD =
      "[defaults]\nharness = \"ao\"\n\n[harnesses.ao]\nurl = \"https://example.com/ao.git\"\n\n";

  @Test
  void readsTheDocumentedSchema() throws IOException {
    Fleet fleet = write(
        "# the fleet\n"
            + "[defaults]\nprojects_dir = \"~/projects\"\nharness = \"ao\"\n\n"
            + "[harnesses.ao]\nurl = \"https://example.com/ao.git\"\nlauncher = [\"engine/agents\", \"--quiet\"]\n\n"
            + "[harnesses.other]\nurl = \"other.git\"\n\n"
            + "[projects.alpha]  # the first\nlocation = \"/srv/alpha\"\nref = \"v0.1.0\"\n\n"
            + "[projects.beta]\nlocation = \"beta\"\nharness = \"other\"\nref = \"main\"\nenabled = false\n")
        .read();
    assertEquals(new Defaults("~/projects", "ao"), fleet.defaults());
    assertEquals(
        List.of(new Harness("ao", "https://example.com/ao.git", List.of("engine/agents", "--quiet")),
            new Harness("other", "other.git")),
        fleet.harnesses());
    assertEquals(
        List.of(new ProjectEntry("alpha", "/srv/alpha", null, "v0.1.0", true),
            new ProjectEntry("beta", "beta", "other", "main", false)),
        fleet.projects());
    assertEquals(tmp.resolve("beta"), fleet.pathOf(fleet.requireProject("beta")));
    assertEquals("ao", fleet.harnessOf(fleet.requireProject("alpha")).orElseThrow().name());
    assertEquals(tmp.resolve("other.git").toString(), fleet.harnessUrl(fleet.harness("other").orElseThrow()));
  }

  @Test
  void anEmptyFileIsAnEmptyFleet() throws IOException {
    assertEquals(Fleet.empty(tmp), write("# nothing yet\n").read());
  }

  @Test
  void aMissingFileIsOneProblemWithoutALine() {
    RegistryException e = assertThrows(RegistryException.class, Registry.at(tmp.resolve("fleet.toml"))::read);
    assertEquals(List.of(new Problem(tmp.resolve("fleet.toml"), 0, 0, "no such file")), e.problems());
    assertEquals(tmp.resolve("fleet.toml") + ": no such file", e.getMessage());
  }

  @Test
  void reportsUnknownKeysAndTablesWhereTheyAre() throws IOException {
    assertEquals(
        List.of(
            "1:1: unknown key 'x' at the top level",
            "2:1: unknown table [projectz]",
            "10:3: unknown key 'enabeld' in [projects.alpha]"),
        problems("""
            x = 1
            [projectz]
            [defaults]
            harness = "ao"
            [harnesses.ao]
            url = "https://example.com/ao.git"
            [projects.alpha]
            location = "a"
            ref = "v1"
              enabeld = false
            """));
  }

  @Test
  void reportsTypesNamesAndReferences() throws IOException {
    assertEquals(
        List.of(
            "2:1: 'projects_dir' must be a string, not an integer",
            "4:1: harness 'h' has no url",
            "5:1: harness 'g' has no url",
            "6:1: 'launcher' must be an array of strings, not an array",
            "10:3: 'enabled' must be a boolean, not a string",
            "11:1: invalid project name 'My_Project': use 1-63 of a-z 0-9 _ -, starting with a letter or digit",
            "16:1: project 'y' names undeclared harness 'nope'",
            "18:1: project 'z' has no ref",
            "22:1: 'ref' must be a string, not a float"),
        problems("""
            [defaults]
            projects_dir = 3
            harness = "h"
            [harnesses.h]
            [harnesses.g]
            launcher = ["a", 1]
            [projects.x]
            location = "x"
            ref = "v1"
              enabled = "yes"
            [projects.My_Project]
            location = "m"
            ref = "v1"
            [projects.y]
            location = "y"
            harness = "nope"
            ref = "v1"
            [projects.z]
            location = "z"
            [projects.w]
            location = "w"
            ref = 1.5
            """));
  }

  @Test
  void aProjectWithoutHarnessNeedsADefault() throws IOException {
    assertEquals(
        List.of("3:1: project 'w' has no harness and [defaults] names none"),
        problems("""
            [harnesses.ao]
            url = "x"
            [projects.w]
            location = "w"
            ref = "v1"
            """));
  }

  @Test
  void reportsSharedLocationsAndBadHarnessNames() throws IOException {
    assertEquals(
        List.of(
            "2:1: [defaults] names undeclared harness 'gone'",
            "3:1: invalid harness name 'Bad': use 1-63 of a-z 0-9 _ -, starting with a letter or digit",
            "12:1: projects 'a' and 'b' share location " + tmp.resolve("same")),
        problems("""
            [defaults]
            harness = "gone"
            [harnesses.Bad]
            url = "u"
            [projects.a]
            location = "same"
            ref = "v1"
            harness = "ao"
            [harnesses.ao]
            url = "x"
            [projects.b]
            location = "./same/../same"
            harness = "ao"
            ref = "v1"
            """));
  }

  @Test
  void reportsEverySyntaxErrorWithItsPosition() throws IOException {
    List<String> problems = problems("""
        [defaults
        harness = = "x"
        [projects.a]
        location = "a"
        ref = "v1"
        enabeld = true
        """);
    assertEquals(3, problems.size(), problems.toString());
    assertEquals("1:10", problems.get(0).substring(0, 4));
    assertEquals("2:11", problems.get(1).substring(0, 4));
    assertEquals("6:1: unknown key 'enabeld' in [projects.a]", problems.get(2));
  }

  @Test
  void aDuplicateTableIsOneProblemWithoutAnEchoAboutItsKeys() throws IOException {
    // tomlj puts the keys below a second [projects] into the first: location is no project table
    List<String> problems = problems(HEAD
        + "[projects.a]\nlocation = \"a\"\nref = \"v1\"\n[projects]\n[projects]\nlocation = \"b\"\n");
    assertEquals(List.of("11:1: projects previously defined at line 10, column 1"), problems);
  }
}
