package dev.po.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.PoException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ScriptTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Script script(Map<String, String> env, String... args) {
    return new Script("t", List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** What the launcher writes (printf '%s\0' "$@"), read back, is what it was given. */
  @Property(tries = 200)
  void argumentsSurviveTheLauncherFile(
      @ForAll @Size(max = 6) List<@StringLength(max = 12) @CharRange(from = 1, to = 0x2FF) String> args)
      throws Exception {
    Path file = Files.createTempFile("args", "");
    try {
      StringBuilder s = new StringBuilder();
      args.forEach(a -> s.append(a).append('\0'));
      Files.writeString(file, s, StandardCharsets.UTF_8);
      assertEquals(args, Script.readArgs(file));
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void optionsFlagsAndPositionals() {
    Script s = script(Map.of(), "get", "--fleet", "a b.toml", "--json", "x", "--ref=v1", "--", "--not-an-option");
    s.expect(Set.of("--json"), Set.of("--fleet", "--ref"));
    assertEquals(List.of("get", "x", "--not-an-option"), s.positionals());
    assertEquals("a b.toml", s.option("--fleet"));
    assertEquals("v1", s.option("--ref"));
    assertTrue(s.flag("--json"));
    assertFalse(s.help());
  }

  @Test
  void aMissingValueADashAndARepeatedOptionReadAsBefore() {
    Script s = script(Map.of(), "-", "--ref", "v1", "--ref", "v2", "-h");
    s.expect(Set.of(), Set.of("--ref"));
    assertEquals(List.of("-"), s.positionals());
    assertEquals("v2", s.option("--ref"));
    assertTrue(s.help());
    assertEquals(2, Script.exec(script(Map.of(), "--ref"), x -> {
      x.expect(Set.of(), Set.of("--ref"));
      return 0;
    }));
    assertEquals("t: option --ref needs a value\nTry 't --help'.\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anIllegalArgumentIsABugNotARefusal() {
    assertEquals(1, Script.exec(script(Map.of()), s -> {
      throw new IllegalArgumentException("index -1");
    }));
    assertEquals("t: internal error: java.lang.IllegalArgumentException: index -1\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theRegistryIsTheOptionElseTheEnvironmentElseHere() {
    assertEquals(Path.of("f.toml"), script(Map.of("PO_FLEET", "e.toml"), "--fleet", "f.toml").fleetFile());
    assertEquals(Path.of("e.toml"), script(Map.of("PO_FLEET", "e.toml")).fleetFile());
    assertEquals(Path.of("fleet.toml"), script(Map.of()).fleetFile());
    // a blank variable names no file, for the scripts as for po
    assertEquals(Path.of("fleet.toml"), script(Map.of("PO_FLEET", " ")).fleetFile());
    assertEquals(dev.po.fleet.Registry.fileFrom(null, Map.of("PO_FLEET", " ")), script(Map.of("PO_FLEET", " ")).fleetFile());
  }

  @Test
  void exitCodesAndMessagesMatchPo() {
    assertEquals(2, Script.exec(script(Map.of(), "--nope"), s -> {
      s.expect(Set.of(), Set.of());
      return 0;
    }));
    assertEquals("t: unknown option --nope\nTry 't --help'.\n", err.toString(StandardCharsets.UTF_8));
    err.reset();
    assertEquals(1, Script.exec(script(Map.of()), s -> {
      throw new PoException("no project 'x' in the fleet registry");
    }));
    assertEquals("t: no project 'x' in the fleet registry\n", err.toString(StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    assertEquals(0, Script.exec(script(Map.of(), "a"), s -> {
      seen.addAll(s.positionals());
      return 0;
    }));
    assertEquals(List.of("a"), seen);
  }
}
