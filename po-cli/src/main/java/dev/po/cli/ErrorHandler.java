package dev.po.cli;

import dev.po.PoException;
import dev.po.fleet.RegistryException;
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
    if (ex instanceof RegistryException r) {
      // the registry's problems each on their own line, as validate prints them: fixing only the
      // first and meeting the next on the following run wastes the operator's time
      r.problems().forEach(p -> err.println("po: " + p));
    } else if (ex instanceof PoException) {
      // po-core's refusals, bad input included (InvalidValueException); any other exception,
      // an IllegalArgumentException too, is a bug and says so
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
