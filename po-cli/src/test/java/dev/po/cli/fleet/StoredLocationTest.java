package dev.po.cli.fleet;

import static dev.po.cli.fleet.RegisterCommand.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How {@code register --location DIR} is written into the registry. */
class StoredLocationTest {
  final Path folder = Path.of("/srv/fleet");

  @Test
  void insideTheFleetFolderIsRelative() {
    assertEquals("projects/a", stored(folder, "/srv/fleet/projects/a"));
    assertEquals("projects/a", stored(folder, "/srv/fleet/x/../projects/a/"));
    assertEquals(".", stored(folder, "/srv/fleet"));
  }

  @Test
  void outsideIsAbsolute() {
    assertEquals("/srv/other/a", stored(folder, "/srv/other/a"));
    assertEquals("/srv/fleet-2/a", stored(folder, "/srv/fleet-2/a"));
    assertEquals("/srv/a", stored(folder, "/srv/fleet/../a"));
  }

  @Test
  void relativeIsResolvedAgainstTheCurrentDirectory() {
    assertEquals(Path.of("").toAbsolutePath().resolve("a/b").toString(), stored(folder, "a/b"));
    Path cwd = Path.of("").toAbsolutePath();
    assertEquals("b", stored(cwd.resolve("a"), "a/b"));
  }

  @Test
  void homeRelativeIsKeptAsWritten() {
    assertEquals("~/projects/a", stored(folder, "~/projects/a"));
    assertEquals("~", stored(folder, "~"));
  }
}
