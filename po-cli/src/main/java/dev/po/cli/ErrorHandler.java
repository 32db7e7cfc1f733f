package dev.po.cli;

import dev.po.PoException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns a failure into an exit code and a line for the operator. po-core's
 * messages are written to be read as they are; a stack trace only helps a developer, so it comes
 * with {@code --verbose} alone.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (ex instanceof PoException || ex instanceof IllegalArgumentException) {
      // IllegalArgumentException: po-core's values refuse bad input (an invalid name) with it.
      err.println("po: " + ex.getMessage());
    } else {
      err.println("po: internal error: " + ex);
    }
    if (verbose(cl)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  private static boolean verbose(CommandLine cl) {
    Object root = cl.getCommandSpec().root().userObject();
    return root instanceof PoCommand po && po.verbose();
  }
}
