package dev.po.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.IntSupplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Progress on stderr for a person watching long work, and nothing at all otherwise: it writes only
 * when stderr is a terminal, so pipes, files and {@code --json} consumers see the same output with
 * or without it. Safe to call from several threads.
 *
 * <pre>{@code
 * Progress p = json ? Progress.NONE : Progress.of(spec, () -> projects.size());
 * p.step(name + ": started (1.2s)");                  // [1/12] alpha: started (1.2s)
 * }</pre>
 */
public final class Progress {
  /** Shows nothing: for output meant for programs. */
  public static final Progress NONE = new Progress(null, 0);

  private final PrintWriter err;
  private final int total;
  private int done;

  private Progress(PrintWriter err, int total) {
    this.err = err;
    this.total = total;
  }

  /**
   * Progress of {@code total} steps on the command's stderr, or {@link #NONE} when stderr is not a
   * terminal; {@code total} is asked only when progress is shown, so it may read the registry.
   */
  public static Progress of(CommandSpec spec, IntSupplier total) {
    return shown(spec) ? new Progress(spec.commandLine().getErr(), total.getAsInt()) : NONE;
  }

  /** Progress without a count (lines as they are, or a library's {@link #writer()}). */
  public static Progress of(CommandSpec spec) {
    return shown(spec) ? new Progress(spec.commandLine().getErr(), 0) : NONE;
  }

  private static boolean shown(CommandSpec spec) {
    return spec.root().userObject() instanceof PoCommand po && po.terminal().err();
  }

  /** Whether anything is shown. */
  public boolean on() {
    return err != null;
  }

  /** One finished step, as {@code [done/total] line} (the line alone without a total). */
  public synchronized void step(String line) {
    if (err == null) {
      return;
    }
    done++;
    String count = "[" + done + "/" + total + "] ";
    err.println(total > 0 ? count + line : line);
    err.flush();
  }

  /** Where a library writes its own progress (lines rewritten with carriage returns); null when off. */
  public Writer writer() {
    return err;
  }
}
