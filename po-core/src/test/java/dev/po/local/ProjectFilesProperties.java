package dev.po.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;

/** A new project's agents.toml is valid TOML that says the command given, whatever its characters. */
class ProjectFilesProperties {
  private static List<String> commandOf(List<String> command) {
    TomlParseResult toml = Toml.parse(ProjectFiles.of("p", "worker", command).get("agents.toml"));
    assertTrue(toml.errors().isEmpty(), toml.errors()::toString);
    TomlArray a = toml.getArray("agents.worker.command");
    return a.toList().stream().map(String.class::cast).toList();
  }

  @Test
  void deleteAndControlCharactersAreEscaped() {
    assertEquals(List.of("a\u007fb", "c\u0001d", "e\rf"), commandOf(List.of("a\u007fb", "c\u0001d", "e\rf")));
  }

  @Property(tries = 300)
  void anyCommandRoundTrips(@ForAll @Size(min = 1, max = 4) List<@StringLength(max = 12) String> command) {
    assertEquals(command, commandOf(command));
  }
}
