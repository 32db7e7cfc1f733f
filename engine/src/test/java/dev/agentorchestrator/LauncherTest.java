package dev.agentorchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher without AO_CLASSPATH: it builds the jar once into the cache, from a project whose
 * engine/ is a git checkout of the harness, and leaves that checkout clean.
 */
class LauncherTest {

  @TempDir static Path base;
  static TestProjects fx;
  static Path project;
  static Path cache;

  @BeforeAll
  static void pinnedProject() throws IOException {
    fx = new TestProjects(base);
    project = fx.project("pinned", TestProjects.agent("a", "[\"sleep\", \"100000\"]", "heal"));
    Path engine = project.resolve("engine");
    copy(TestProjects.ENGINE.resolve("src/main"), engine.resolve("src/main"));
    for (String file : List.of("pom.xml", "agents", ".gitignore")) {
      Files.copy(TestProjects.ENGINE.resolve(file), engine.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
    }
    git(engine, "init", "-q");
    git(engine, "add", "-A");
    git(engine, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "harness");
    cache = base.resolve("cache");
  }

  @AfterAll
  static void cleanUp() {
    fx.agents(project, "down");
    fx.killServer();
    TestProjects.pidsMatching(base.toString()).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  private static TestProjects.Run launcher(String... args) {
    List<String> argv = new ArrayList<>(List.of(project.resolve("engine/agents").toString()));
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(project.toFile());
    pb.environment().put("AO_TMUX_SOCKET", fx.socket());
    pb.environment().put("AO_CACHE_DIR", cache.toString());
    pb.environment().remove("AO_CLASSPATH");
    pb.environment().remove("AO_JAR");
    return TestProjects.run(pb, 300);
  }

  @Test
  void buildsOnceForConcurrentStartsAndRunsFromTheCachedJar() throws IOException {
    List<CompletableFuture<TestProjects.Run>> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      runs.add(CompletableFuture.supplyAsync(() -> launcher("status")));
    }
    List<TestProjects.Run> results = runs.stream().map(CompletableFuture::join).collect(Collectors.toList());
    results.forEach(r -> assertEquals(0, r.exit(), r.err()));
    long builds = results.stream().filter(r -> r.err().contains("building the harness")).count();
    assertEquals(1, builds, "one build for concurrent first starts");

    List<Path> jars;
    try (Stream<Path> s = Files.walk(cache)) {
      jars = s.filter(p -> p.getFileName().toString().equals("agent-orchestrator.jar")).collect(Collectors.toList());
    }
    assertEquals(1, jars.size(), jars.toString());
    assertTrue(jars.get(0).getParent().getFileName().toString().startsWith("0.1.0-"), jars.toString());
    try (Stream<Path> s = Files.list(cache)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith("build.")), "no build left over");
    }

    assertEquals("", git(project.resolve("engine"), "status", "--porcelain", "--ignored"), "the engine checkout stays clean");

    Path archive = jars.get(0).resolveSibling("agent-orchestrator.jsa");
    String buildLog = results.stream().map(TestProjects.Run::err).collect(Collectors.joining());
    assertTrue(Files.isRegularFile(archive), "the class-data archive beside the jar: " + buildLog);
    try (Stream<Path> s = Files.list(jars.get(0).getParent())) {
      assertEquals(List.of("agent-orchestrator.jar", "agent-orchestrator.jsa"),
          s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()), "nothing left of the training");
    }
    assertTrue(TestProjects.pidsMatching("ao-archive").isEmpty(), "the training's processes ended");

    TestProjects.Run up = launcher("up");
    assertEquals(0, up.exit(), up.err());
    assertFalse(up.err().contains("building"), "second use reuses the cache");
    long watchdog = Long.parseLong(Files.readString(project.resolve(".ao-state/watchdog.pid")).strip());
    String maps = Files.readString(Path.of("/proc/" + watchdog + "/maps"));
    assertTrue(maps.contains(archive.toString()), "the watchdog maps the shared archive");
    TestProjects.Run status = launcher("status", "--json");
    assertTrue(status.out().contains("\"running\""), status.out());
    assertEquals(0, launcher("down").exit());
    assertTrue(TestProjects.pidsMatching(project.toString()).isEmpty(), "processes left behind");
  }

  @Test
  void helpNeedsNoBuild() {
    TestProjects.Run help = launcher("--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("up [AGENT...]"), help.out());
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static String git(Path dir, String... args) {
    List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString()));
    argv.addAll(List.of(args));
    TestProjects.Run r = TestProjects.run(new ProcessBuilder(argv), 60);
    assertEquals(0, r.exit(), r.err());
    return r.out();
  }
}
