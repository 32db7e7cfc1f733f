package dev.agentorchestrator;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Shared fixtures: temp projects with their own agents.toml, the real launcher {@code engine/agents}
 * run as a child process on an isolated tmux socket, and polling waits.
 *
 * <p>A test class that starts agents registers it as an extension, which gives the class a temp
 * folder and a socket, runs {@code down} in every project it made after each test, and after the
 * class kills the socket's server and whatever of the tests still runs:
 *
 * <pre>
 * &#64;RegisterExtension static final TestProjects fx = TestProjects.perClass("sleep\0" + "100021");
 * </pre>
 */
final class TestProjects implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  /** The output of one launcher run. */
  record Run(int exit, String out, String err) {}

  static final Path ENGINE = Path.of(System.getenv().getOrDefault("AO_ENGINE_DIR", System.getProperty("user.dir")));

  private final String socket = "ao-test-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> orphans;
  private final List<Path> made = new ArrayList<>();
  private Path base;

  /** Projects in {@code base}, on a socket of their own; nothing is stopped for the caller. */
  TestProjects(Path base) {
    this.base = base;
    this.orphans = List.of();
  }

  private TestProjects(List<String> orphans) {
    this.orphans = orphans;
  }

  /**
   * The extension for a test class; after the class, processes whose command line contains one
   * of {@code orphans} (NUL between arguments) are killed too: what a test started outside a
   * project, or agents a failed test left behind.
   */
  static TestProjects perClass(String... orphans) {
    return new TestProjects(List.of(orphans));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    base = Files.createTempDirectory("ao-test");
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (Path root : made) {
      if (Files.isDirectory(root)) {
        agents(root, "down");
      }
    }
    made.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    // a watchdog still running would heal its agents into a new server the moment this one ends
    pidsMatching("watchdog\0" + base).forEach(pid -> ProcessHandle.of(pid).ifPresent(h -> {
      h.destroyForcibly();
      h.onExit().join();
    }));
    killServer();
    // nothing of ours may outlive the tests, even after a failure
    List<String> needles = new ArrayList<>(orphans);
    needles.add(base.toString());
    for (String needle : needles) {
      pidsMatching(needle).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
    try (var all = Files.walk(base)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The folder the projects are made in. */
  Path base() {
    return base;
  }

  String socket() {
    return socket;
  }

  /**
   * A project folder holding {@code agents.toml} with {@code toml} and a role file prompts/role.md;
   * as an extension, it is brought down after the test.
   */
  Path project(String name, String toml) throws IOException {
    Path root = base.resolve(name);
    Files.createDirectories(root.resolve("prompts"));
    Files.writeString(root.resolve("prompts/role.md"), "You are a test agent.\n");
    Files.writeString(root.resolve("agents.toml"), toml);
    made.add(root);
    return root;
  }

  /** Brings {@code root} down after the test too: a project that moved there meanwhile. */
  void downAfterwards(Path root) {
    made.add(root);
  }

  /** The text of {@code file}, or a line saying it cannot be read (for a failure's message). */
  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  static String agent(String name, String command, String watch) {
    return "[agents." + name + "]\nprompt = \"prompts/role.md\"\ncommand = " + command + "\nwatch = \"" + watch + "\"\n";
  }

  /** Runs {@code engine/agents ARGS} in {@code root}, with the classes under test. */
  Run agents(Path root, String... args) {
    return agents(Map.of(), root, args);
  }

  /** Runs {@code engine/agents ARGS} in {@code root} with {@code env} on top of the test's environment. */
  Run agents(Map<String, String> env, Path root, String... args) {
    List<String> argv = new ArrayList<>(List.of(ENGINE.resolve("agents").toString()));
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(root.toFile());
    pb.environment().put("AO_TMUX_SOCKET", socket);
    pb.environment().put("AO_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().remove("AO_JAR");
    pb.environment().remove("TMUX");
    pb.environment().putAll(env);
    return run(pb, 60);
  }

  static Run run(ProcessBuilder pb, int seconds) {
    try {
      Path out = Files.createTempFile("ao-out", ".txt");
      Path err = Files.createTempFile("ao-err", ".txt");
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("timed out after " + seconds + "s: " + pb.command());
      }
      Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return r;
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  Run ok(Path root, String... args) {
    Run r = agents(root, args);
    if (r.exit() != 0) {
      fail("agents " + String.join(" ", args) + " exited " + r.exit() + "\nstdout: " + r.out() + "\nstderr: " + r.err());
    }
    return r;
  }

  /** {@code status --json}, parsed. */
  @SuppressWarnings("unchecked")
  Map<String, Object> status(Path root) {
    return (Map<String, Object>) parse(ok(root, "status", "--json").out());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> agentOf(Map<String, Object> status, String name) {
    for (Object a : (List<Object>) status.get("agents")) {
      Map<String, Object> m = (Map<String, Object>) a;
      if (name.equals(m.get("name"))) {
        return m;
      }
    }
    throw new AssertionError("no agent " + name + " in " + status);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> watchdogOf(Map<String, Object> status) {
    return (Map<String, Object>) status.get("watchdog");
  }

  /** The tmux session {@code up} recorded for {@code agent} in {@code .ao-state/tmux.json}. */
  static String session(Path root, String agent) {
    TmuxRecord r = TmuxRecord.read(root.resolve(".ao-state"));
    if (r == null || !r.agents().containsKey(agent)) {
      throw new AssertionError("no session recorded for " + agent + " in " + root);
    }
    return r.agents().get(agent).session();
  }

  /** tmux on the test socket. */
  Run tmux(String... args) {
    List<String> argv = new ArrayList<>(List.of("tmux", "-L", socket));
    argv.addAll(List.of(args));
    return run(new ProcessBuilder(argv), 20);
  }

  /** Kills the test's tmux server and removes its socket file. */
  void killServer() {
    killServer(socket);
  }

  /** Kills the tmux server on {@code socket} and removes its socket file. */
  static void killServer(String socket) {
    String path = run(new ProcessBuilder("tmux", "-L", socket, "display-message", "-p", "#{socket_path}"), 20).out().strip();
    run(new ProcessBuilder("tmux", "-L", socket, "kill-server"), 20);
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      Path dir = Path.of(System.getenv().getOrDefault("TMUX_TMPDIR", "/tmp"), "tmux-" + uid);
      Files.deleteIfExists(path.isEmpty() ? dir.resolve(socket) : Path.of(path));
    } catch (IOException e) {
      // best effort: a stale socket file holds no process
    }
  }

  /** Waits up to {@code seconds} for {@code condition}; fails with {@code what} and the last state. */
  static void await(String what, int seconds, Supplier<Boolean> condition, Supplier<Object> state) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        fail("waited " + seconds + "s for " + what + "; last seen: " + state.get());
      }
      sleep(100);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8);
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A zombie: a child that exited under a parent that never reaps it (sh exec'd into sleep), as a
   * killed watchdog stays where pid 1 does not reap. It is gone when its parent ends, in 60 s.
   */
  static long zombie() throws IOException {
    Process parent = new ProcessBuilder("sh", "-c", "sleep 0.1 & echo $!; exec sleep 60").start();
    String line = new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8)).readLine();
    long pid = Long.parseLong(line.strip());
    await("pid " + pid + " to become a zombie", 10, () -> {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
      } catch (IOException e) {
        return false;
      }
    }, () -> "not a zombie");
    return pid;
  }

  /** Pids of processes whose command line contains {@code needle}. */
  static List<Long> pidsMatching(String needle) {
    List<Long> pids = new ArrayList<>();
    ProcessHandle.allProcesses().forEach(h -> {
      try {
        String cmd = new String(Files.readAllBytes(Path.of("/proc/" + h.pid() + "/cmdline")), StandardCharsets.UTF_8);
        if (cmd.contains(needle) && h.pid() != ProcessHandle.current().pid()) {
          pids.add(h.pid());
        }
      } catch (IOException e) {
        // gone meanwhile
      }
    });
    return pids;
  }

  static Object parse(String json) {
    try (JsonParser p = StateStore.JSON.createParser(json)) {
      p.nextToken();
      return value(p);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static Object value(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = p.currentName();
          p.nextToken();
          m.put(k, value(p));
        }
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        return l;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getLongValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return p.getBooleanValue();
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected " + p.currentToken());
    }
  }
}
