package dev.po.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What {@code --verbose} adds besides stack traces: po-core's debug lines (why its fast git reader
 * handed a repository to JGit), each as {@code po: ...} on stderr while a command runs.
 */
final class Diagnostics implements AutoCloseable {
  /** Held strongly: the logging system keeps only weak references to its loggers. */
  private final Logger logger = Logger.getLogger("dev.po");
  private final Level before;
  private final Handler handler;

  private Diagnostics(PrintWriter err) {
    this.before = logger.getLevel();
    this.handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        synchronized (err) {
          err.println("po: " + r.getMessage());
          err.flush();
        }
      }

      @Override
      public void flush() {
        err.flush();
      }

      @Override
      public void close() {}
    };
    handler.setLevel(Level.ALL);
    logger.setLevel(Level.FINE);
    logger.addHandler(handler);
  }

  static Diagnostics printTo(PrintWriter err) {
    return new Diagnostics(err);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(before);
  }
}
