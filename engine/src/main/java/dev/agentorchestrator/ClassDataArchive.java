package dev.agentorchestrator;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Makes the class-data archive that the watchdogs of a host share ({@link WatchdogJvm}). The
 * classes in it are the ones a real watchdog loads: one runs a throwaway project through a start,
 * a kill and a heal on a private tmux server while the JVM lists what it loads, then the JDK dumps
 * those classes beside the jar. {@code engine/agents} runs it once, after it built the jar.
 */
final class ClassDataArchive {

  /** Generous: it runs once per build, and a loaded host must not lose its archive to a deadline. */
  private static final long STEP_MILLIS = 60_000;

  private ClassDataArchive() {}

  /** Trains and writes the archive of the jar {@code classpath}; returns where it is. */
  static Path create(String jar) throws IOException, InterruptedException {
    Path archive = WatchdogJvm.archiveOf(jar);
    if (archive == null) {
      throw new HarnessException("a class-data archive needs the harness as one jar, not " + jar);
    }
    // the training watchdog runs in another folder; the JVM checks this path against the watchdogs'
    String classpath = Path.of(jar).toAbsolutePath().toString();
    String java = ProcessHandle.current().info().command().orElse("java");
    Path work = Files.createTempDirectory("ao-archive");
    Path tmp = archive.resolveSibling(archive.getFileName() + ".tmp" + ProcessHandle.current().pid());
    try {
      Path classes = work.resolve("classes.txt");
      train(java, classpath, work, classes);
      List<String> dump = new ArrayList<>(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classes,
          "-XX:SharedArchiveFile=" + tmp));
      dump.addAll(WatchdogJvm.DEFAULTS);
      dump.addAll(List.of("-cp", classpath));
      run(dump, work.resolve("dump.log"));
      // refuse an archive a watchdog could not map: -Xshare:on fails where :auto would fall back
      List<String> check = new ArrayList<>(List.of(java, "-XX:SharedArchiveFile=" + tmp, "-Xshare:on"));
      check.addAll(WatchdogJvm.DEFAULTS);
      check.addAll(List.of("-cp", classpath, Main.class.getName(), "--help"));
      run(check, work.resolve("check.log"));
      Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return archive;
    } finally {
      Files.deleteIfExists(tmp);
      delete(work);
    }
  }

  /** Runs a watchdog over a throwaway project through up, a kill and its heal, listing its classes. */
  private static void train(String java, String classpath, Path work, Path classes) throws IOException, InterruptedException {
    Project project = new Project(work.resolve("training"));
    Files.createDirectories(project.root().resolve("prompts"));
    Files.writeString(project.root().resolve("prompts/role.md"), "Sleeps.\n");
    Files.writeString(project.root().resolve(AgentsFile.NAME),
        "[agents.a]\nprompt = \"prompts/role.md\"\ncommand = [\"sleep\", \"600\"]\n");
    project.createDirs();
    String socket = "ao-archive-" + ProcessHandle.current().pid();
    // what up records before it starts a watchdog: where the agents run
    TmuxRecord record = TmuxRecord.fresh(project.root(), socket);
    record.withAgent("a", record.sessionOf("a"), AgentSpec.Watch.HEAL).write(project.stateDir());
    List<String> argv = new ArrayList<>(List.of(java, "-XX:DumpLoadedClassList=" + classes));
    argv.addAll(WatchdogJvm.DEFAULTS);
    argv.addAll(List.of("-cp", classpath, Main.class.getName(), "watchdog", project.root().toString()));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(project.root().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true).redirectOutput(work.resolve("watchdog.out").toFile());
    pb.environment().put("AO_TMUX_SOCKET", socket);
    pb.environment().remove("TMUX");
    Caller.forget(pb);
    Process watchdog = pb.start();
    try {
      await("the training watchdog to start", () -> Files.exists(project.watchdogPid()), project);
      // the request up leaves: the watchdog starts the agent and answers in a .done file
      Path tmp = project.stateDir().resolve("train.req.tmp");
      Files.writeString(tmp, "a\n");
      Files.move(tmp, project.inbox().resolve("train.req"), StandardCopyOption.ATOMIC_MOVE);
      // the state file, not the reply, which the watchdog writes before it records the agent
      await("the training agent to start", () -> pidOfA(project) > 0, project);
      Procs.kill(pidOfA(project), true);
      await("the training agent to be healed", () -> {
        AgentState s = StateStore.read(project.stateJson()).get("a");
        return s != null && s.restarts >= 1;
      }, project);
    } finally {
      watchdog.destroy();
      if (!watchdog.waitFor(5, TimeUnit.SECONDS)) {
        watchdog.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      Tmux tmux = new Tmux(socket);
      String path = tmux.run("display-message", "-p", "#{socket_path}").out().strip();
      tmux.run("kill-server");
      if (!path.isEmpty()) {
        Files.deleteIfExists(Path.of(path)); // tmux leaves its socket file behind when killed
      }
    }
  }

  private static long pidOfA(Project project) {
    AgentState a = StateStore.read(project.stateJson()).get("a");
    return a == null ? 0 : a.pid;
  }

  private static void await(String what, BooleanSupplier done, Project project) {
    long deadline = System.currentTimeMillis() + STEP_MILLIS;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new HarnessException("training for the class-data archive: no sign of " + what + " within "
            + STEP_MILLIS / 1000 + "s; " + lastLine(project.watchdogLog()) + "; " + lastLine(project.root().resolveSibling("watchdog.out")));
      }
      Procs.sleep(20);
    }
  }

  private static void run(List<String> argv, Path log) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(STEP_MILLIS, TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new HarnessException(argv.get(1) + " did not finish within " + STEP_MILLIS / 1000 + "s");
    }
    if (p.exitValue() != 0) {
      throw new HarnessException(argv.get(1) + " " + argv.get(2) + " exited " + p.exitValue() + ": " + lastLine(log));
    }
  }

  private static String lastLine(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).strip();
    } catch (IOException e) {
      return "(no " + file.getFileName() + ")";
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
