package dev.po.cli.fleet;

import dev.po.Po;
import dev.po.cli.FleetFile;
import dev.po.fleet.Fleet;
import dev.po.fleet.Problem;
import dev.po.fleet.RegistryException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check the registry file and the projects it records on disk.",
      "",
      "Prints every problem on stdout, one per line as FILE:LINE:COL: message, and exits 1;"
          + " or one line FILE: OK (N projects, N harnesses) and exits 0.",
      ""
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FleetFile fleet;

  @Override
  public Integer call() {
    Po po = fleet.po();
    PrintWriter out = spec.commandLine().getOut();
    List<Problem> problems;
    try {
      problems = po.validate();
    } catch (RegistryException e) {
      // A file that cannot be read at all is reported like any other problem.
      problems = e.problems();
    }
    if (!problems.isEmpty()) {
      problems.forEach(out::println);
      return 1;
    }
    Fleet f = po.fleet();
    out.println(
        po.registry().file()
            + ": OK ("
            + count(f.projects().size(), "project", "projects")
            + ", "
            + count(f.harnesses().size(), "harness", "harnesses")
            + ")");
    return 0;
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
