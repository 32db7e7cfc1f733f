package dev.po.testing;

import dev.po.harness.HarnessPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real harness for end-to-end tests: this repository's {@code engine/} published as a bare
 * repository with tags {@code v0.1.0} and {@code v0.2.0} (the second adds a notes file, so both
 * tags share one harness build), and the environment that keeps its tmux server private and its
 * build cached for the whole test run.
 */
public final class EngineHarness {
  private EngineHarness() {}

  /** The in-tree {@code engine/} folder, found upwards from the working folder. */
  public static Path engineDir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("engine/agents")) && Files.isRegularFile(p.resolve("engine/pom.xml"))) {
        return p.resolve("engine");
      }
    }
    throw new IllegalStateException("no engine/agents above " + Path.of("").toAbsolutePath());
  }

  /** Publishes {@code engine/} to {@code root/engine.git} with two tags. */
  public static HarnessRepo publish(Path root) {
    try {
      Path bare = root.resolve("engine.git");
      Map<String, String> tags = new LinkedHashMap<>();
      tags.put("v0.1.0", HarnessPublisher.publish(engineDir(), bare, "v0.1.0").commit());
      Path copy = root.resolve("engine-next");
      copyTree(engineDir(), copy);
      Files.writeString(copy.resolve("NOTES.md"), "A later publication of the same harness.\n");
      tags.put("v0.2.0", HarnessPublisher.publish(copy, bare, "v0.2.0").commit());
      return HarnessRepo.of(bare, tags);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An agent's argv that says who it is, then ticks: a log that grows, an agent that stays. */
  public static final java.util.List<String> TICKER = java.util.List.of("sh", "-c",
      "echo \"hello from $AO_AGENT\"; i=0; while true; do i=$((i+1)); echo \"tick $i\"; sleep 0.3; done");

  /** A fresh tmux socket name for one test class; kill its server with {@link Tmux#kill}. */
  public static String newSocket() {
    return "po-test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * The environment for the real launcher: a private tmux socket, and a build cache under this
   * module's {@code target/} shared by every test of the run, so the harness is built once.
   */
  public static Map<String, String> env(String socket) {
    return Map.of(
        "AO_TMUX_SOCKET", socket,
        "AO_CACHE_DIR", Path.of("target/ao-cache").toAbsolutePath().toString());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path rel = from.relativize(p);
        if (rel.toString().startsWith("target")) {
          continue;
        }
        Path dest = to.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** How long end-to-end tests wait for a harness to reach a state on a loaded machine. */
  public static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(90);

  /** Waits until {@code state} reads {@code want}, polling; fails after {@link #PATIENCE}. */
  public static void await(
      java.util.function.Supplier<dev.po.project.HarnessState> state, dev.po.project.HarnessState want) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    dev.po.project.HarnessState last;
    while ((last = state.get()) != want) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + want + " within " + PATIENCE + ", still " + last);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
