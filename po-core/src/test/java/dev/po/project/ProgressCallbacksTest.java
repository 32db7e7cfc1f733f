package dev.po.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.Po;
import dev.po.testing.TempFleet;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a caller watching long work is told: each launch as it ends, a clone as it goes. */
class ProgressCallbacksTest {
  @TempDir Path tmp;

  @Test
  void everyLaunchIsReportedOnceAsItEndsWithTheResultTheSummaryHolds() {
    TempFleet fleet = TempFleet.create(tmp);
    for (String name : List.of("alpha", "beta", "gamma", "off")) {
      fleet.addProject(name, "v0.1.0");
    }
    fleet.append("enabled = false\n");
    Po po = Po.open(fleet.file());
    for (boolean parallel : new boolean[] {true, false}) {
      List<LaunchResult> seen = Collections.synchronizedList(new ArrayList<>());
      LaunchSummary s = po.start().setAll(true).setParallel(parallel).setOnEach(seen::add).call();
      assertEquals(4, seen.size(), seen::toString);
      List<LaunchResult> sorted = new ArrayList<>(seen);
      sorted.sort(Comparator.comparing(LaunchResult::project));
      assertEquals(s.results(), sorted, "parallel " + parallel);
      assertEquals(List.of("off"), seen.stream().filter(r -> r.outcome() == LaunchResult.Outcome.SKIPPED)
          .map(LaunchResult::project).toList());
    }
    List<LaunchResult> failed = new ArrayList<>();
    po.stop("nope").setOnEach(failed::add).call();
    assertEquals(LaunchResult.Outcome.FAILED, failed.get(0).outcome());
  }

  @Test
  void createWritesTheCloneAndCheckoutProgressWhenAsked() {
    TempFleet fleet = TempFleet.create(tmp);
    Po po = Po.open(fleet.file());
    StringWriter progress = new StringWriter();
    po.create("shown").setRef("v0.1.0").setProgress(progress).call();
    assertTrue(progress.toString().contains("Receiving objects:"), progress::toString);
    assertTrue(progress.toString().contains("Checking out files:"), progress::toString);
    // and nothing is written anywhere without one (the default): the call simply works
    assertEquals("quiet", po.create("quiet").setRef("v0.1.0").call().name());
  }
}
