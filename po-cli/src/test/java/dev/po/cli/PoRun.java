package dev.po.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one in-process run of {@code po} left: exit code, stdout and stderr. Tests type commands as
 * an operator would; {@link Main#run} keeps them from exiting the test JVM.
 */
public record PoRun(int code, String out, String err) {
  /** {@code po args...} with an empty environment. */
  public static PoRun po(String... args) {
    return withEnv(Map.of(), args);
  }

  /** {@code po args... --fleet FILE}. */
  public static PoRun on(Path fleet, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--fleet");
    all.add(fleet.toString());
    return withEnv(Map.of(), all.toArray(String[]::new));
  }

  public static PoRun withEnv(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, o, e, env);
    }
    return new PoRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** {@code po args...} started on a thread of its own, as a followed log runs until interrupted. */
  public static Running start(String... args) {
    return new Running(args);
  }

  /** A {@code po} run going on in this JVM; closing it interrupts it, as Ctrl-C does. */
  public static final class Running implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int[] code = {-1};
    private final Thread thread;

    private Running(String[] args) {
      thread = new Thread(() -> code[0] = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(new ByteArrayOutputStream()), Map.of()), "po " + String.join(" ", args));
      thread.start();
    }

    /** Waits up to 30 s until its stdout is exactly {@code want}. */
    public void awaitOut(String want) throws InterruptedException {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!out.toString(StandardCharsets.UTF_8).equals(want)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("expected " + want + " within 30 s, got " + out);
        }
        Thread.sleep(50);
      }
    }

    /** Interrupts it and waits up to 10 s for it to end; its exit code ({@code -1} while it runs). */
    public int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(10_000);
      return code[0];
    }

    @Override
    public void close() throws InterruptedException {
      stop();
    }
  }

  public List<String> outLines() {
    return out.lines().toList();
  }

  public List<String> errLines() {
    return err.lines().toList();
  }

  /** Shown by assertions, so a failure tells what po printed. */
  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err + "---";
  }
}
