package dev.po.fleet;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A tiny separate program for {@link ConcurrentEditTest}: registers {@code count} projects named
 * {@code <prefix>-<i>} into the given fleet.toml, one edit each, as separate po processes would.
 */
public final class ConcurrentEditMain {
  private ConcurrentEditMain() {}

  public static void main(String[] args) {
    Registry registry = Registry.at(Path.of(args[0])).withLockTimeout(Duration.ofSeconds(60));
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    for (int i = 0; i < count; i++) {
      String name = prefix + "-" + i;
      boolean enabled = i % 2 == 0;
      registry.edit(f -> f.withProject(new ProjectEntry(name, "projects/" + name, null, "v0.1.0", enabled)));
    }
  }
}
