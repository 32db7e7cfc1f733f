package dev.po.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixturesTest {
  @TempDir Path tmp;

  @Test
  void aRegisteredProjectPinsTheTagItWasMadeAt() {
    TempFleet fleet = TempFleet.create(tmp);
    Path p = fleet.addProject("alpha", "v0.1.0");
    assertEquals(fleet.harness().commit("v0.1.0"), ProjectRepo.pin(p));
    assertTrue(Files.isExecutable(p.resolve("engine/agents")));
    assertTrue(fleet.text().contains("[projects.alpha]"));
  }
}
