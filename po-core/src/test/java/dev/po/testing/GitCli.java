package dev.po.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real git CLI for test fixtures, with a fixed identity and no global or system config,
 * so that fixtures do not depend on the machine's git setup.
 */
public final class GitCli {
  private GitCli() {}

  /** Runs {@code git args...} in {@code dir}; returns trimmed stdout; fails with the output. */
  public static String git(Path dir, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    // Local file URLs for submodules are refused by default since git 2.38.
    cmd.add("-c");
    cmd.add("protocol.file.allow=always");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_AUTHOR_NAME", "Fixture");
    env.put("GIT_AUTHOR_EMAIL", "fixture@example.invalid");
    env.put("GIT_COMMITTER_NAME", "Fixture");
    env.put("GIT_COMMITTER_EMAIL", "fixture@example.invalid");
    env.put("GIT_TERMINAL_PROMPT", "0");
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = p.waitFor();
      if (code != 0) {
        throw new IllegalStateException(
            "git " + String.join(" ", args) + " in " + dir + " exited " + code + ": " + out.strip());
      }
      return out.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
