package dev.po.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fleet.toml in a temp folder declaring one harness, {@code agent-orchestrator}, at a
 * {@link HarnessRepo}, with projects appended as the test needs them.
 */
public final class TempFleet {
  private final Path root;
  private final Path file;
  private final HarnessRepo harness;

  private TempFleet(Path root, HarnessRepo harness) {
    this.root = root;
    this.file = root.resolve("fleet.toml");
    this.harness = harness;
  }

  /** Makes the harness repository and a fleet.toml with {@code [defaults]} and the harness. */
  public static TempFleet create(Path root) {
    return create(root, HarnessRepo.create(root));
  }

  /** A fleet.toml in {@code root} whose {@code agent-orchestrator} harness is {@code harness}. */
  public static TempFleet create(Path root, HarnessRepo harness) {
    TempFleet f = new TempFleet(root, harness);
    f.write(
        "# test fleet\n"
            + "[defaults]\n"
            + "projects_dir = \"projects\"\n"
            + "harness = \"agent-orchestrator\"\n"
            + "\n"
            + "[harnesses.agent-orchestrator]\n"
            + "url = \""
            + f.harness.url()
            + "\"\n");
    return f;
  }

  public Path root() {
    return root;
  }

  public Path file() {
    return file;
  }

  public HarnessRepo harness() {
    return harness;
  }

  /** Makes a real project under {@code projects/NAME} pinned at {@code ref} and registers it. */
  public Path addProject(String name, String ref) {
    Path dir = ProjectRepo.create(root.resolve("projects").resolve(name), harness.url(), ref);
    append(
        "\n[projects." + name + "]\n"
            + "location = \"projects/" + name + "\"\n"
            + "ref = \"" + ref + "\"\n");
    return dir;
  }

  /** Registers {@code name} at {@code location} (as written in fleet.toml) without making anything there. */
  public void register(String name, String location, String ref) {
    append("\n[projects." + name + "]\n" + "location = \"" + location + "\"\n" + "ref = \"" + ref + "\"\n");
  }

  public String text() {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void append(String text) {
    write(text() + text);
  }
}
