package dev.po.cli.fleet;

import static dev.po.cli.PoRun.on;
import static dev.po.testing.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.cli.PoRun;
import dev.po.testing.TempFleet;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --verbose says why a repository is read the slow way, before or after the command words. */
class VerboseStatusTest {
  @TempDir Path tmp;

  @Test
  void aFallbackOfTheFastReaderIsSaidUnderVerboseOnly() {
    TempFleet fleet = TempFleet.create(tmp);
    Path root = fleet.addProject("alpha", "v0.1.0");
    git(root, "gc", "-q");
    String why = "po: fast git reader: " + root + ": commit ";
    for (String[] args : new String[][] {{"--verbose", "fleet", "status"}, {"fleet", "status", "--verbose"},
        {"fleet", "validate", "--verbose"}}) {
      PoRun r = on(fleet.file(), args);
      assertEquals(0, r.code(), r::toString);
      assertTrue(r.err().contains(why) && r.err().contains("is not a loose object (packed, or in an alternate); read with JGit"),
          r::toString);
    }
    PoRun quiet = on(fleet.file(), "fleet", "status");
    assertEquals(0, quiet.code(), quiet::toString);
    assertFalse(quiet.err().contains("fast git reader"), quiet::toString);
  }
}
