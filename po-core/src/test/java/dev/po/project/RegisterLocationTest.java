package dev.po.project;

import static dev.po.project.RegisterCommand.asWritten;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How a registered location is written into the registry, by register and create alike. */
class RegisterLocationTest {
  final Path folder = Path.of("/srv/fleet");

  @Test
  void insideTheFleetFolderIsRelative() {
    assertEquals("projects/a", asWritten(folder, "/srv/fleet/projects/a"));
    assertEquals("projects/a", asWritten(folder, "/srv/fleet/x/../projects/a/"));
    assertEquals(".", asWritten(folder, "/srv/fleet"));
  }

  @Test
  void outsideIsAbsolute() {
    assertEquals("/srv/other/a", asWritten(folder, "/srv/other/a"));
    assertEquals("/srv/fleet-2/a", asWritten(folder, "/srv/fleet-2/a"));
    assertEquals("/srv/a", asWritten(folder, "/srv/fleet/../a"));
  }

  @Test
  void relativeIsResolvedAgainstTheRegistrysFolder() {
    assertEquals("a/b", asWritten(folder, "a/b"));
    assertEquals("/srv/b", asWritten(folder, "../b"));
  }

  @Test
  void homeRelativeIsKeptAsWritten() {
    assertEquals("~/projects/a", asWritten(folder, "~/projects/a"));
    assertEquals("~", asWritten(folder, "~"));
  }
}
