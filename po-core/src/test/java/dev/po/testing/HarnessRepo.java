package dev.po.testing;

import static dev.po.testing.GitCli.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bare harness repository made in a temp folder, with tags {@code v0.1.0} and {@code v0.2.0} on
 * two commits and a branch {@code main} at the newer one. Its {@code agents} launcher is a tiny
 * stand-in that records the verb it was given in {@code .ao-state/launcher.log} of the project
 * root: enough for registry and pin tests. Lifecycle tests that need the real harness publish
 * {@code engine/} instead.
 */
public final class HarnessRepo {
  private final Path bare;
  private final Map<String, String> tags;

  private HarnessRepo(Path bare, Map<String, String> tags) {
    this.bare = bare;
    this.tags = tags;
  }

  /** A harness repository made elsewhere (see {@link EngineHarness}): its path and tag commits. */
  public static HarnessRepo of(Path bare, Map<String, String> tags) {
    return new HarnessRepo(bare, new LinkedHashMap<>(tags));
  }

  /** Makes the bare repository at {@code root/harness.git} (work tree at {@code root/harness-src}). */
  public static HarnessRepo create(Path root) {
    try {
      Path src = Files.createDirectories(root.resolve("harness-src"));
      git(src, "init", "-q", "-b", "main");
      Path launcher = src.resolve("agents");
      Files.writeString(
          launcher,
          "#!/usr/bin/env bash\n"
              + "# stand-in harness launcher for tests\n"
              + "mkdir -p .ao-state && echo \"$*\" >> .ao-state/launcher.log\n");
      Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.writeString(src.resolve("VERSION"), "0.1.0\n");
      git(src, "add", "-A");
      git(src, "commit", "-q", "-m", "harness 0.1.0");
      git(src, "tag", "v0.1.0");
      Files.writeString(src.resolve("VERSION"), "0.2.0\n");
      git(src, "commit", "-q", "-am", "harness 0.2.0");
      git(src, "tag", "v0.2.0");
      Map<String, String> tags = new LinkedHashMap<>();
      tags.put("v0.1.0", git(src, "rev-parse", "v0.1.0^{commit}"));
      tags.put("v0.2.0", git(src, "rev-parse", "v0.2.0^{commit}"));
      Path bare = root.resolve("harness.git");
      git(root, "clone", "-q", "--bare", src.toString(), bare.toString());
      return new HarnessRepo(bare, tags);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The verbs the stand-in launcher was given in the project at {@code root}, one a line. */
  public static java.util.List<String> launcherLog(Path root) {
    Path log = root.resolve(".ao-state/launcher.log");
    try {
      return Files.exists(log) ? Files.readAllLines(log) : java.util.List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bare repository's path, usable as a git URL. */
  public Path bare() {
    return bare;
  }

  public String url() {
    return bare.toString();
  }

  /** The commit a tag names. */
  public String commit(String tag) {
    String c = tags.get(tag);
    if (c == null) {
      throw new IllegalArgumentException("no tag " + tag);
    }
    return c;
  }
}
