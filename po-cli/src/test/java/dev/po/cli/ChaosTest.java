package dev.po.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.po.Po;
import dev.po.fleet.Registry;
import dev.po.project.HarnessState;
import dev.po.project.ProjectStatus;
import dev.po.testing.EngineHarness;
import dev.po.testing.HarnessRepo;
import dev.po.testing.Tmux;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short run of {@code bench/chaos}: mutating po commands, each a separate process, killed with
 * SIGKILL at a random moment of their usual duration, on a sandbox fleet with the real harness.
 * After each kill: the registry parses, its lock is free within 1 s, the same command run again
 * succeeds or names the fix (or finds its work done), validate is clean, and every tmux pane and
 * watchdog running for a project folder belongs to a registered project whose status is not
 * stopped. The seed is printed, so a failure can be replayed with {@code -Dchaos.seed=N}.
 */
class ChaosTest {
  private static final int KILLS = Integer.getInteger("chaos.kills", 20);
  private static final Pattern NAMES_A_FIX =
      Pattern.compile("run '|already registered|no project '[a-z0-9_-]+' in the fleet registry");

  @TempDir Path tmp;
  String socket = EngineHarness.newSocket();
  Map<String, String> env;
  Path fleet;
  String spare;

  @AfterEach
  void stopAllThenKillTmux() throws IOException {
    if (fleet != null && Files.isDirectory(tmp.resolve("projects"))) {
      try (Stream<Path> dirs = Files.list(tmp.resolve("projects"))) {
        for (Path d : dirs.filter(Files::isDirectory).toList()) {
          if (Files.isExecutable(d.resolve("engine/agents"))) {
            exec(d, List.of("engine/agents", "down"), 120);
          }
        }
      }
    }
    Tmux.kill(socket);
  }

  @Test
  void aPoKilledAtAnyMomentLeavesNothingThatBlocksOrMisleads() throws Exception {
    env = EngineHarness.env(socket);
    HarnessRepo harness = EngineHarness.publish(tmp.resolve("harness"));
    fleet = Files.writeString(tmp.resolve("fleet.toml"), "[defaults]\nprojects_dir = \"projects\"\n"
        + "harness = \"agent-orchestrator\"\n\n[harnesses.agent-orchestrator]\nurl = \"" + harness.url() + "\"\n");
    for (String p : List.of("p1", "p2")) {
      assertEquals(0, po("create", p, "--ref", "v0.1.0", "--register", "--agent-command", "sleep 100000").code());
    }
    // a sound project outside the registry, for register and unregister to move in and out
    assertEquals(0, po("create", "spare", "--ref", "v0.1.0", "--agent-command", "sleep 100000").code());
    spare = tmp.resolve("projects/spare").toString();
    long seed = Long.getLong("chaos.seed", System.nanoTime());
    System.out.println("chaos seed " + seed + " (replay: -Dchaos.seed=" + seed + ")");
    Random random = new Random(seed);
    Map<String, Integer> violations = new LinkedHashMap<>();
    for (String kind : List.of("parse", "lock", "rerun", "validate", "accounted")) {
      violations.put(kind, 0);
    }
    List<String> seen = new ArrayList<>();
    for (int k = 1; k <= KILLS; k++) {
      Cmd c = pick(random);
      Process p = child(c.args());
      Thread.sleep(random.nextInt(c.millis()));
      p.destroyForcibly(); // SIGKILL
      p.waitFor(60, TimeUnit.SECONDS);
      String at = "kill " + k + " (" + String.join(" ", c.args()) + "): ";
      try {
        Registry.at(fleet).read();
      } catch (RuntimeException e) {
        note(violations, seen, "parse", at + e.getMessage());
      }
      if (!lockWithin(1000)) {
        note(violations, seen, "lock", at + "the registry lock was held 1 s after the kill");
      }
      PoRun again = po(c.args().toArray(String[]::new));
      if (again.code() != 0 && !NAMES_A_FIX.matcher(again.err()).find()) {
        note(violations, seen, "rerun", at + again);
      }
      PoRun valid = po("fleet", "validate");
      if (valid.code() != 0) {
        note(violations, seen, "validate", at + valid);
      }
      String unaccounted = unaccounted();
      if (unaccounted != null) {
        note(violations, seen, "accounted", at + unaccounted);
      }
    }
    System.out.println("chaos: " + KILLS + " kills, violations " + violations + ", leftovers " + leftovers());
    assertEquals(0, violations.values().stream().mapToInt(Integer::intValue).sum(),
        "violations " + violations + "\n" + String.join("\n", seen));
  }

  record Cmd(int millis, List<String> args) {}

  private Cmd pick(Random r) {
    String p = r.nextBoolean() ? "p1" : "p2";
    String ref = r.nextBoolean() ? "v0.1.0" : "v0.2.0";
    return switch (r.nextInt(8)) {
      case 0 -> new Cmd(3000, List.of("create", r.nextBoolean() ? "c1" : "c2", "--ref", ref, "--register",
          "--agent-command", "sleep 100000"));
      case 1 -> new Cmd(2500, List.of("update", p, ref));
      case 2 -> new Cmd(1000, List.of("fleet", "register", "spare", "--location", spare, "--ref", "v0.1.0", "--disabled"));
      case 3 -> new Cmd(1000, List.of("fleet", "unregister", List.of("spare", "c1", "c2").get(r.nextInt(3))));
      case 4 -> new Cmd(1000, List.of("fleet", "enable", p));
      case 5 -> new Cmd(1000, List.of("fleet", "disable", p));
      case 6 -> new Cmd(3000, List.of("start", p, "--force"));
      default -> new Cmd(3000, List.of("stop", p));
    };
  }

  private PoRun po(String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.put(FleetFile.ENV, fleet.toString());
    return PoRun.withEnv(all, args);
  }

  /** po as its own process, as an operator runs it, so that it can be killed. */
  private Process child(List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    pb.environment().put(FleetFile.ENV, fleet.toString());
    return pb.start();
  }

  private boolean lockWithin(long millis) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    try (FileChannel ch = FileChannel.open(tmp.resolve("fleet.toml.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      while (true) {
        FileLock lock = ch.tryLock();
        if (lock != null) {
          lock.release();
          return true;
        }
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(10);
      }
    }
  }

  /** A project folder with a pane or a watchdog that no registered, not-stopped project explains. */
  private String unaccounted() throws IOException {
    Map<Path, String> running = new TreeMap<>();
    String panes = exec(tmp, List.of("tmux", "-L", socket, "list-panes", "-a", "-F", "#{pane_start_path}"), 30);
    panes.lines().filter(l -> !l.isBlank()).forEach(l -> running.put(Path.of(l), "a tmux pane"));
    String cache = env.get("AO_CACHE_DIR");
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
          // a watchdog; not a launcher's short-lived verb, which a killed po's child may still be
          // finishing (it does nothing once it finds that po gone)
          if (cmdline.contains(cache) && cmdline.contains("\0watchdog\0")
              && ProcessHandle.of(Long.parseLong(proc.getFileName().toString())).isPresent()) {
            running.put(Files.readSymbolicLink(proc.resolve("cwd")), "watchdog " + proc.getFileName());
          }
        } catch (IOException | RuntimeException gone) {
          // the process ended while we looked
        }
      }
    }
    Path projects = tmp.resolve("projects").toRealPath();
    Map<Path, HarnessState> states = new HashMap<>();
    for (ProjectStatus s : Po.open(fleet).withEnvironment(env).status()) {
      if (Files.exists(s.path())) {
        states.put(s.path().toRealPath(), s.state());
      }
    }
    for (Map.Entry<Path, String> r : running.entrySet()) {
      Path real = Files.exists(r.getKey()) ? r.getKey().toRealPath() : r.getKey();
      if (real.startsWith(projects) && (states.get(real) == null || states.get(real) == HarnessState.STOPPED)) {
        return real + " runs " + r.getValue() + ", but its status is " + states.get(real);
      }
    }
    return null;
  }

  private String leftovers() throws IOException {
    try (Stream<Path> all = Files.walk(tmp.resolve("projects"), 2)) {
      return all.map(p -> p.getFileName().toString())
          .filter(n -> n.contains(".creating-") || n.equals(".create-in-progress")).toList().toString();
    }
  }

  private static void note(Map<String, Integer> violations, List<String> seen, String kind, String what) {
    violations.merge(kind, 1, Integer::sum);
    seen.add(kind + ": " + what);
  }

  private String exec(Path dir, List<String> cmd, int seconds) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      p.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }
}
