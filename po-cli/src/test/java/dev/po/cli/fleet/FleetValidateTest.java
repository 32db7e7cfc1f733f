package dev.po.cli.fleet;

import static dev.po.cli.PoRun.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.cli.PoRun;
import dev.po.testing.TempFleet;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetValidateTest {
  @TempDir Path tmp;
  TempFleet fleet;

  @BeforeEach
  void twoProjects() {
    fleet = TempFleet.create(tmp);
    fleet.addProject("alpha", "v0.1.0");
    fleet.addProject("beta", "v0.2.0");
  }

  @Test
  void aSoundFleetIsOneOkLine() {
    PoRun r = on(fleet.file(), "fleet", "validate");
    assertEquals(0, r.code(), r::toString);
    assertEquals(fleet.file() + ": OK (2 projects, 1 harness)\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void everyProblemIsOneLinePositionedInTheFile() {
    fleet.write(
        fleet.text()
            .replace("[projects.alpha]\n", "[projects.alpha]\nenabeld = true\n")
            .replace("[projects.beta]\n", "[projects.beta]\ncolour = \"red\"\n"));
    PoRun r = on(fleet.file(), "fleet", "validate");
    assertEquals(1, r.code(), r::toString);
    Pattern line = Pattern.compile(Pattern.quote(fleet.file().toString()) + ":\\d+:\\d+: \\S.*");
    assertTrue(r.outLines().size() >= 2, r::toString);
    for (String l : r.outLines()) {
      assertTrue(line.matcher(l).matches(), () -> "not FILE:LINE:COL: message: " + l + "\n" + r);
    }
    assertTrue(r.out().contains("enabeld"), r::toString);
    assertTrue(r.out().contains("colour"), r::toString);
    assertTrue(r.out().indexOf("enabeld") < r.out().indexOf("colour"), "in file order\n" + r);
  }

  @Test
  void aMissingFileIsAProblemToo() {
    PoRun r = on(tmp.resolve("nowhere.toml"), "fleet", "validate");
    assertEquals(1, r.code(), r::toString);
    assertTrue((r.out() + r.err()).contains("nowhere.toml"), r::toString);
    assertTrue(!r.err().contains("internal error"), r::toString);
  }

  @Test
  void jsonSaysTheSameAsTheLines() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    PoRun ok = on(fleet.file(), "fleet", "validate", "--json");
    assertEquals(0, ok.code(), ok::toString);
    var o = mapper.readTree(ok.out());
    assertEquals(fleet.file().toString(), o.get("file").asText());
    assertTrue(o.get("ok").asBoolean());
    assertEquals(2, o.get("projects").asInt());
    assertEquals(1, o.get("harnesses").asInt());
    assertEquals(0, o.get("problems").size());

    fleet.write(fleet.text().replace("[projects.alpha]\n", "[projects.alpha]\nenabeld = true\n"));
    PoRun lines = on(fleet.file(), "fleet", "validate");
    PoRun bad = on(fleet.file(), "fleet", "validate", "--json");
    assertEquals(1, bad.code(), bad::toString);
    var b = mapper.readTree(bad.out());
    assertTrue(!b.get("ok").asBoolean());
    assertTrue(b.get("projects").isNull());
    assertEquals(lines.outLines().size(), b.get("problems").size(), bad::toString);
    var first = b.get("problems").get(0);
    assertEquals(lines.outLines().get(0),
        first.get("file").asText() + ":" + first.get("line").asInt() + ":" + first.get("column").asInt() + ": "
            + first.get("message").asText());
  }
}
