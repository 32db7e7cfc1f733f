package dev.po.cli.demo;

import dev.po.PoException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The demo's folder: its harness repository, registry, projects and stand-in agent. */
final class Sandbox implements AutoCloseable {
  private static final Set<String> NOT_PUBLISHED = Set.of("target", ".ao-state", ".git");

  private final Path root;
  private final boolean made;
  private final boolean keep;

  private Sandbox(Path root, boolean made, boolean keep) {
    this.root = root;
    this.made = made;
    this.keep = keep;
  }

  /** A new temp folder, or {@code dir} when it does not exist or is empty; never a used folder. */
  static Sandbox open(Path dir, boolean keep) throws IOException {
    if (dir == null) {
      return new Sandbox(Files.createTempDirectory("po-demo-").toRealPath(), true, keep);
    }
    Path abs = dir.toAbsolutePath().normalize();
    if (Files.exists(abs)) {
      if (!Files.isDirectory(abs)) {
        throw new PoException("demo folder " + abs + " is not a folder");
      }
      try (Stream<Path> s = Files.list(abs)) {
        if (s.findAny().isPresent()) {
          throw new PoException("demo folder " + abs + " is not empty; name a new or empty one");
        }
      }
      return new Sandbox(abs, false, keep);
    }
    Files.createDirectories(abs);
    return new Sandbox(abs, true, keep);
  }

  Path root() {
    return root;
  }

  Path fleetFile() {
    return root.resolve("fleet.toml");
  }

  void writeFleet() throws IOException {
    Files.writeString(
        fleetFile(),
        "# The demo's fleet registry, made by po demo in its sandbox.\n"
            + "[defaults]\n"
            + "projects_dir = \"projects\"\n"
            + "harness = \"agent-orchestrator\"\n"
            + "\n"
            + "[harnesses.agent-orchestrator]\n"
            + "url = \"harness/agent-orchestrator.git\"\n");
  }

  /**
   * A copy of the harness with one file more, so that the newer tag names another commit and the
   * demo's update really moves a pin.
   */
  Path nextRelease(Path harness, String tag) throws IOException {
    Path copy = root.resolve("harness/release-" + tag);
    try (Stream<Path> all = Files.walk(harness)) {
      for (Path from : (Iterable<Path>) all::iterator) {
        Path rel = harness.relativize(from);
        if (rel.getNameCount() > 0 && NOT_PUBLISHED.contains(rel.getName(0).toString())) {
          continue;
        }
        Path to = copy.resolve(rel.toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    Files.writeString(copy.resolve("RELEASE"), tag + ": the same harness, published again by the demo\n");
    return copy;
  }

  /**
   * The agents' command: {@code null} (the harness's default, claude) when claude is on PATH, else
   * a stand-in script in the sandbox that says what it is and sleeps.
   */
  List<String> agentCommand(Map<String, String> env) throws IOException {
    if (onPath("claude", env.get("PATH"))) {
      return null;
    }
    Path script = root.resolve("stand-in-agent");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "# Stands in for claude, which is not on PATH: prints what it is, then waits.\n"
            + "echo \"stand-in agent $AO_AGENT: claude is not on PATH; role file $AO_ROLE_FILE\"\n"
            + "exec sleep 2147483647\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return List.of(script.toString());
  }

  /**
   * The harness folder: {@code given}, else {@code engine/} of the checkout that holds the running
   * po jar ({@code po-cli/target/po.jar}), else {@code engine/} of the current folder.
   */
  static Path findEngine(Path given, Class<?> anchor) {
    if (given != null) {
      Path abs = given.toAbsolutePath().normalize();
      if (!Files.isRegularFile(abs.resolve("agents"))) {
        throw new PoException("--engine " + abs + " is not a harness folder: it has no agents launcher");
      }
      return abs;
    }
    try {
      Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = jar.getParent(); p != null; p = p.getParent()) {
        if (Files.isRegularFile(p.resolve("engine/agents"))) {
          return p.resolve("engine");
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through to the current folder
    }
    Path here = Path.of("engine").toAbsolutePath();
    if (Files.isRegularFile(here.resolve("agents"))) {
      return here;
    }
    throw new PoException("cannot find the harness folder (engine/): pass --engine DIR");
  }

  static boolean onPath(String program, String path) {
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Removes the socket file of the demo's tmux server once no server answers on it: tmux leaves it
   * behind when its server ends, and it is the demo's, not the operator's. A server that still
   * answers (its projects did not stop) is left alone, socket and all.
   */
  static void removeTmuxSocket(String socket, Map<String, String> env) {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      String dir = env.getOrDefault("TMUX_TMPDIR", "");
      Path file = Path.of(dir.isEmpty() ? "/tmp" : dir, "tmux-" + uid, socket);
      // the server ends a moment after its last session
      for (int i = 0; i < 40 && answers(file); i++) {
        Thread.sleep(50);
      }
      if (!answers(file)) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // nothing to tidy, or no way to: it is an empty socket file
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean answers(Path socket) {
    if (!Files.exists(socket)) {
      return false;
    }
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      return true;
    } catch (IOException e) {
      return false; // refused: no server behind the file
    }
  }

  /** Removes what the demo made, unless kept; a folder the operator named is emptied, not removed. */
  @Override
  public void close() {
    if (keep) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder())
          .filter(p -> made || !p.equals(root))
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the demo folder " + root, e);
    }
  }
}
