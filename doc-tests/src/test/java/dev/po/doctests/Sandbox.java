package dev.po.doctests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away operator's machine for one runbook: a copy of the PO checkout (built, as after
 * {@code mvn package}), a HOME of its own with a git identity, a stand-in {@code claude} first on
 * PATH, and a private tmux socket. Blocks run one after the other in bash; the working folder,
 * aliases and exported variables carry from one block to the next, as in an operator's shell.
 */
final class Sandbox implements AutoCloseable {
  /** How long one block may run: the first {@code po start} may wait for a slow machine. */
  private static final long BLOCK_TIMEOUT_SECONDS = 600;

  private final Path root;
  private final Path po;
  private final String socket = "po-runbooks-" + UUID.randomUUID().toString().substring(0, 8);
  private final Path engineJar;
  private final Thread cleanUp = new Thread(this::closeQuietly, "sandbox clean-up");
  private int count;

  /** The output of one block, stdout and stderr together, and its exit code. */
  record Ran(int exit, String output) {}

  Sandbox(Path repo) throws IOException {
    root = Files.createTempDirectory("po-runbooks");
    po = root.resolve("po");
    engineJar = repo.resolve("engine/target/agent-orchestrator.jar");
    if (!Files.isRegularFile(repo.resolve("po-cli/target/po.jar")) || !Files.isRegularFile(engineJar)) {
      throw new IllegalStateException("build first (mvn package): no po-cli/target/po.jar or " + engineJar);
    }
    Files.createDirectories(po);
    Files.createDirectories(root.resolve("home"));
    Files.createDirectories(root.resolve("bin"));
    // the checkout as a clone would have it, plus the build output the runbooks use; tar keeps
    // the times, so the scripts' launchers see their jars as fresh and do not rebuild
    run(List.of("bash", "-c", "tar -C \"$1\" --exclude=./.git --exclude=./harness --exclude='.ao-state'"
        + " --exclude=./po-core/target --exclude=./engine/target --exclude=./doc-tests/target --exclude=./bench/out"
        + " --exclude=fleet.toml.lock -cf - . | tar -C \"$2\" -xf -", "copy", repo.toString(), po.toString()), root);
    write(root.resolve("home/.gitconfig"), "[user]\n\tname = Runbook Operator\n\temail = operator@example.org\n");
    Path claude = write(root.resolve("bin/claude"),
        "#!/bin/sh\n# stand-in for the claude CLI: an agent that stays up\necho \"stand-in claude for $AO_AGENT\"\nexec sleep 100000\n");
    Files.setPosixFilePermissions(claude, PosixFilePermissions.fromString("rwxr-xr-x"));
    // a build stopped halfway (Ctrl-C) must not leave agents, watchdogs or a tmux server behind
    Runtime.getRuntime().addShutdownHook(cleanUp);
  }

  Path root() {
    return root;
  }

  /** Runs one block's script in bash, after the state the previous block left. */
  Ran block(String script) throws IOException, InterruptedException {
    count++;
    Path state = root.resolve("state.sh");
    Path file = root.resolve("block-" + count + ".sh");
    String text = "shopt -s expand_aliases\n"
        + "if [[ -f " + q(state) + " ]]; then source " + q(state) + "; fi\n"
        + "set -eo pipefail\n"
        + script
        + "\nset +e\n{ alias -p; export -p | grep -v -E '^declare -x (OLDPWD|PWD|SHLVL|_)='; printf 'cd %q\\n' \"$PWD\"; } > "
        + q(state) + "\n";
    write(file, text);
    ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", file.toString());
    pb.directory(po.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("PO_") || k.startsWith("AO_") || k.startsWith("XDG_") || k.startsWith("GIT_")
        || k.equals("TMUX") || k.equals("EDITOR") || k.equals("VISUAL"));
    env.put("HOME", root.resolve("home").toString());
    env.put("PATH", root.resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("PO_HOME", po.toString());
    env.put("AO_TMUX_SOCKET", socket);
    // the harness built from this checkout, instead of a build per sandbox on first use
    env.put("AO_JAR", engineJar.toString());
    Path out = root.resolve("block-" + count + ".out");
    pb.redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    if (!p.waitFor(BLOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      return new Ran(-1, Files.readString(out, StandardCharsets.UTF_8) + "\n[timed out after " + BLOCK_TIMEOUT_SECONDS + "s]");
    }
    return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  /** Stops what the runbook started (its tmux server, watchdogs) and removes the sandbox. */
  @Override
  public void close() throws IOException, InterruptedException {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanUp);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is this very call
    }
    stop();
  }

  private void closeQuietly() {
    try {
      stop();
    } catch (IOException | InterruptedException | RuntimeException e) {
      // the JVM is going away; nothing more can be done
    }
  }

  private void stop() throws IOException, InterruptedException {
    // the runbook's watchdogs first: one that outlived its tmux server would heal its agents
    // into a new one at once
    killOurs(" watchdog ");
    new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
    // kill-server leaves the socket file behind; it is ours, so tidy it too
    Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    Files.deleteIfExists(Path.of(System.getenv().getOrDefault("TMUX_TMPDIR", "/tmp"), "tmux-" + uid, socket));
    killOurs("");
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  /**
   * Kills every process whose command line names the sandbox and holds {@code also}, and waits
   * until they are gone.
   */
  private void killOurs(String also) throws InterruptedException {
    String mark = root.toString();
    List<ProcessHandle> ours = ProcessHandle.allProcesses()
        .filter(h -> h.info().commandLine().map(c -> c.contains(mark) && c.contains(also)).orElse(false))
        .toList();
    ours.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle h : ours) {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // the sweep after the server's end takes what is left
      }
    }
  }

  private static void run(List<String> argv, Path dir) throws IOException {
    try {
      Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", argv) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String q(Path p) {
    return "'" + p.toString().replace("'", "'\\''") + "'";
  }
}
