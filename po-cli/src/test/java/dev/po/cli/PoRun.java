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
