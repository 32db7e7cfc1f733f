package dev.po.process;

import dev.po.PoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zeroturnaround.exec.ProcessExecutor;

/**
 * One program to run: {@code Exec.of(argv).in(dir).env(extra).timeout(d).run()}. Immutable; every
 * setter returns a new value. The child inherits this JVM's environment (so {@code AO_TMUX_SOCKET}
 * and friends pass through) plus the extra variables. A relative program path containing a slash
 * is resolved against the folder, as a shell in that folder would.
 */
public final class Exec {
  /** How much of a program's output a result keeps. */
  public static final int OUTPUT_CAP = 64 * 1024;

  private final List<String> argv;
  private final Path dir;
  private final Map<String, String> env;
  private final Duration timeout;

  private Exec(List<String> argv, Path dir, Map<String, String> env, Duration timeout) {
    this.argv = List.copyOf(argv);
    if (this.argv.isEmpty()) {
      throw new IllegalArgumentException("argv must not be empty");
    }
    this.dir = dir;
    this.env = Map.copyOf(env);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout (" + timeout + ") must be positive");
    }
  }

  public static Exec of(List<String> argv) {
    return new Exec(argv, null, Map.of(), Duration.ofMinutes(10));
  }

  public Exec in(Path folder) {
    return new Exec(argv, Objects.requireNonNull(folder, "folder"), env, timeout);
  }

  /** Adds variables to the inherited environment; later values win. */
  public Exec env(Map<String, String> extra) {
    Map<String, String> next = new LinkedHashMap<>(env);
    next.putAll(extra);
    return new Exec(argv, dir, next, timeout);
  }

  public Exec timeout(Duration d) {
    return new Exec(argv, dir, env, d);
  }

  /**
   * Runs the program to its end or the timeout and returns what happened; a non-zero exit is a
   * result, not an exception. Throws {@link PoException} only when the program cannot be started.
   */
  public ExecResult run() {
    List<String> cmd = new ArrayList<>(argv);
    String program = cmd.get(0);
    if (dir != null && program.contains("/") && !Path.of(program).isAbsolute()) {
      cmd.set(0, dir.resolve(program).toString());
    }
    Tail out = new Tail(OUTPUT_CAP);
    ProcessExecutor executor =
        new ProcessExecutor()
            .command(cmd)
            .environment(env)
            .redirectErrorStream(true)
            .redirectOutput(out)
            .exitValueAny()
            .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            // A launcher may leave a daemon holding our pipe; do not wait for it to close.
            .closeTimeout(5, TimeUnit.SECONDS)
            .stopper(Exec::stopTree)
            .destroyOnExit();
    if (dir != null) {
      executor.directory(dir.toFile());
    }
    long t0 = System.nanoTime();
    try {
      int code = executor.execute().getExitValue();
      return new ExecResult(argv, dir, code, false, out.text(), Duration.ofNanos(System.nanoTime() - t0));
    } catch (TimeoutException e) {
      return new ExecResult(argv, dir, -1, true, out.text(), Duration.ofNanos(System.nanoTime() - t0));
    } catch (IOException e) {
      String why = e.getMessage();
      if (Files.notExists(Path.of(cmd.get(0))) && cmd.get(0).contains("/")) {
        why = "no such file " + cmd.get(0);
      }
      throw new PoException(
          "cannot run " + String.join(" ", argv) + (dir == null ? "" : " in " + dir) + ": " + why, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PoException("interrupted while running " + String.join(" ", argv), e);
    }
  }

  /**
   * Stops a program that overran its time together with what it started and still runs under it
   * (a first-time build, say), which a plain destroy would leave behind. The tree is listed before
   * anything dies: once the program is gone its children belong to init and cannot be found.
   */
  private static void stopTree(Process process) {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
  }
}
