package dev.po.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.po.testing.Tmux;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real terminal for po: a tmux pane on a private socket, as a person's terminal emulator would
 * be. {@link #run} types a shell command into a fresh pane and returns the screen with its colours
 * ({@code capture-pane -e}) once the command has finished; {@link #start} leaves it running, to
 * be watched and typed into; {@link #open} starts an interactive program to type keys into and read
 * the screen of as it answers.
 */
final class Screen implements AutoCloseable {
  private static final String END = "__screen_done__";
  private final String socket = "po-day2-terminal-" + UUID.randomUUID().toString().substring(0, 8);
  private final Path dir;
  private int runs;
  private boolean kept;

  Screen(Path dir) {
    this.dir = dir;
  }

  /** The po launcher built by package, as an operator runs it. */
  static Path po() {
    Path launcher = Path.of("po").toAbsolutePath();
    Path jar = Path.of(System.getProperty("po.jar", "target/po.jar"));
    assertTrue(Files.isRegularFile(jar), "no " + jar + ": run mvn package first");
    return launcher;
  }

  /** Runs {@code shell} (sh syntax) in a new pane in {@code dir}; the screen with its escapes. */
  String run(String shell) throws IOException, InterruptedException {
    String session = start(shell);
    awaitDone(session);
    String screen = tmux("capture-pane", "-p", "-e", "-t", session);
    tmux("kill-session", "-t", session);
    return screen.substring(0, screen.indexOf(END));
  }

  /**
   * Starts {@code shell} (sh syntax) in a new pane in {@code dir} and returns at once: the pane's
   * name, for {@link #text}, {@link #await}, {@link #type} and {@link #awaitDone}.
   */
  String start(String shell) throws IOException, InterruptedException {
    keepServer();
    String session = "run" + runs++;
    Path script = Files.writeString(dir.resolve(session + ".sh"),
        "cd '" + dir + "'\n" + shell + "\necho " + END + "\nexec sleep 600\n");
    tmux("new-session", "-d", "-x", "200", "-y", "60", "-s", session, "sh " + script);
    return session;
  }

  /** What the pane shows now, without escapes. */
  String text(String session) throws IOException, InterruptedException {
    return tmux("capture-pane", "-p", "-t", session);
  }

  /** Waits up to 120 s until the pane shows {@code text}; returns the screen then. */
  String await(String session, String text) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String shown;
    while (!(shown = text(session)).contains(text)) {
      if (System.nanoTime() > deadline) {
        fail("the pane did not show '" + text + "' within 120 s:\n" + shown);
      }
      Thread.sleep(100);
    }
    return shown;
  }

  /** Waits until the pane's command has finished; the screen before the end marker, without escapes. */
  String awaitDone(String session) throws IOException, InterruptedException {
    String shown = await(session, END);
    return shown.substring(0, shown.indexOf(END));
  }

  /**
   * Starts {@code shell} (sh syntax, typically an interactive shell) in a new pane of its own
   * named {@code session}, for {@link #type} and {@link #await}; it stays until {@link #close}.
   */
  void open(String session, String shell) throws IOException, InterruptedException {
    keepServer();
    tmux("new-session", "-d", "-x", "200", "-y", "60", "-s", session, "-c", dir.toString(), shell);
  }

  /** Types {@code keys} into the pane, as tmux's send-keys names them ({@code Tab}, {@code C-u}). */
  void type(String session, String... keys) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
    args.addAll(List.of(keys));
    tmux(args.toArray(String[]::new));
  }

  /** The pane's screen as text once a line of it matches {@code line}; fails after 60 s. */
  String await(String session, Pattern line) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      String screen = tmux("capture-pane", "-p", "-t", session);
      if (screen.lines().anyMatch(l -> line.matcher(l).matches())) {
        return screen;
      }
      if (System.nanoTime() > deadline) {
        fail("no line of the screen matches " + line + " within 60 s:\n" + screen);
      }
      Thread.sleep(100);
    }
  }

  private void keepServer() throws IOException, InterruptedException {
    if (!kept) {
      // Keeps the server up between sessions: killing the last session ends the server, and a new
      // session started while it is going away fails.
      tmux("new-session", "-d", "-s", "keep", "exec sleep 3600");
      kept = true;
    }
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    // The pane's environment is the server's: what an operator's shell would have, minus
    // anything of the test runner's that changes po's output.
    pb.environment().remove("NO_COLOR");
    pb.environment().remove("PO_FLEET");
    pb.environment().remove("TMUX");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "tmux " + String.join(" ", args) + " hangs");
    if (p.exitValue() != 0) {
      fail("tmux " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() {
    Tmux.kill(socket);
  }
}
