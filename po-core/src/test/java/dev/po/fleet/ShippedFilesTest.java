package dev.po.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry shipped at the repository root, and the document that describes it. */
class ShippedFilesTest {
  /** The repository root: tests run in the po-core module folder. */
  private static Path root() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().getParent();
  }

  @Test
  void theShippedRegistryValidatesClean() {
    Registry registry = Registry.at(root().resolve("fleet.toml"));
    assertEquals(List.of(), registry.validate());
    Fleet fleet = registry.read();
    assertEquals("agent-orchestrator", fleet.defaults().harness());
    assertEquals(List.of(), fleet.projects());
    assertEquals(root().resolve("harness/agent-orchestrator.git").toString(),
        fleet.harnessUrl(fleet.harness("agent-orchestrator").orElseThrow()));
  }

  @Test
  void everyMessageIsDocumented() throws IOException {
    String doc = Files.readString(root().resolve("docs/fleet-registry.md"));
    for (String message : List.of(
        "cannot parse: ",
        "unknown table [",
        "unknown key 'KEY' at the top level",
        "unknown key 'KEY' in [defaults]",
        "' must be a table, not ",
        "'KEY' must be a string, not ",
        "'KEY' must not be empty",
        "'KEY' is not a valid path: ",
        "'enabled' must be a boolean, not ",
        "'launcher' must be an array of strings, not ",
        "'launcher' must not be empty",
        "invalid project name 'NAME': " + "use 1-63 of a-z 0-9 _ -, starting with a letter or digit",
        "invalid harness name 'NAME': ",
        "harness 'NAME' has no url",
        "project 'NAME' has no location",
        "project 'NAME' has no ref",
        "project 'NAME' names undeclared harness 'H'",
        "project 'NAME' has no harness and [defaults] names none",
        "[defaults] names undeclared harness 'H'",
        "projects 'A' and 'B' share location ",
        "no such file",
        "not UTF-8 text",
        "cannot read: ",
        "location /abs/path does not exist",
        "/abs/path is not a git repository",
        "/abs/path has no engine submodule",
        "project NAME: engine pinned at TAG (abc1234), the registry says REF (def5678): run 'po update NAME REF'"
            + " or set ref = \"TAG\" (an interrupted po update finishes when run again)",
        "correct location, or run 'po fleet unregister NAME' if the project is retired",
        "leftover folder /abs/projects/.NAME.creating-HEX of an interrupted 'po create NAME': the next 'po create NAME' removes it",
        "ref 'REF' is not known in the harness repository",
        "cannot list the refs of harness repository ",
        "breaks the one rule: tracks PATH",
        "breaks the one rule: PATH mentions 'WORD'",
        "breaks the one rule in N more files",
        "breaks the one rule: cannot read its files: ",
        "refusing the change, it would make the registry invalid: ",
        "cannot edit [projects.x] in place: write it as its own [projects.x] table with one key per line, then retry",
        "another po is editing fleet.toml (it holds the lock on /path/fleet.toml.lock); still busy after 5s, try again when it is done")) {
      assertTrue(doc.contains(message), "docs/fleet-registry.md does not describe: " + message);
    }
  }
}
