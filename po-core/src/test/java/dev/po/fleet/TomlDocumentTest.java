package dev.po.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout scanner on TOML that looks like something else: headers in strings, values over lines. */
class TomlDocumentTest {
  static final String TRICKY = """
      # [projects.commented] is not a header
      [harnesses."ao"]   # quoted key
      url = '''
      [projects.inside] # not a header either
      '''
      launcher = [
        "engine/agents",  # first ]
        "--x=[y]",
      ]

      [ projects . alpha ]
      location = "a # not a comment"   # a comment
      ref = "v1\\"]"
      other = { a = 1, b = [1, 2] }
      when = 1979-05-27 07:32:00Z   # a date with a space
      """;

  @Test
  void findsHeadersAndValueSpansExactly() {
    TomlDocument doc = TomlDocument.scan(TRICKY);
    assertEquals(List.of(List.of("harnesses", "ao"), List.of("projects", "alpha")),
        doc.headers.stream().map(TomlDocument.Header::path).toList());
    assertEquals("'''\n[projects.inside] # not a header either\n'''", value(doc, "harnesses", "ao", "url"));
    assertEquals("[\n  \"engine/agents\",  # first ]\n  \"--x=[y]\",\n]", value(doc, "harnesses", "ao", "launcher"));
    assertEquals("\"a # not a comment\"", value(doc, "projects", "alpha", "location"));
    assertEquals("\"v1\\\"]\"", value(doc, "projects", "alpha", "ref"));
    assertEquals("{ a = 1, b = [1, 2] }", value(doc, "projects", "alpha", "other"));
    assertEquals("1979-05-27 07:32:00Z", value(doc, "projects", "alpha", "when"));
    assertNull(doc.header(List.of("projects", "inside")));
  }

  @Test
  void editsOnTrickyTextTouchOnlyTheirValue(@TempDir Path tmp) throws IOException {
    String text = """
        [defaults]
        harness = "ao"
        [harnesses.ao]
        url = '''
        [projects.inside]
        location = "x"
        '''
        launcher = [
          "engine/agents",  # keep ]
        ]
        [projects.alpha]
        location = "a # not a comment"   # a comment
        ref = \"""v1\"""
        """;
    Path file = tmp.resolve("fleet.toml");
    Files.writeString(file, text);
    Registry r = Registry.at(file);
    r.edit(f -> f.withRef("alpha", "v2").withEnabled("alpha", false)
        .withHarness(new Harness("ao", "u", List.of("run"))));
    assertEquals(text
        .replace("url = '''\n[projects.inside]\nlocation = \"x\"\n'''", "url = \"u\"")
        .replace("[\n  \"engine/agents\",  # keep ]\n]", "[\"run\"]")
        .replace("ref = \"\"\"v1\"\"\"\n", "ref = \"v2\"\nenabled = false\n"),
        Files.readString(file));
  }

  private static String value(TomlDocument doc, String... path) {
    TomlDocument.Entry e = doc.entry(List.of(path));
    return doc.text.substring(e.valueStart(), e.valueEnd());
  }
}
