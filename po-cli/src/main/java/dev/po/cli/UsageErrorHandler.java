package dev.po.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** A usage error: what was wrong, then the usage of the command it concerns; exit 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {
  static final int USAGE = 2;

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("po: " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    cl.usage(err);
    err.flush();
    return USAGE;
  }
}
