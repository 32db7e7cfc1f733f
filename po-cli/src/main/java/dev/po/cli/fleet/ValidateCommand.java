package dev.po.cli.fleet;

import dev.po.Po;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.po.cli.FleetFile;
import dev.po.cli.Json;
import dev.po.fleet.Fleet;
import dev.po.fleet.Problem;
import dev.po.fleet.RegistryException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check the registry file and the projects it records on disk.",
      "",
      "Prints every problem on stdout, one per line as FILE:LINE:COL: message, and exits 1;"
          + " or one line FILE: OK (N projects, N harnesses) and exits 0.",
      "",
      "--json prints {file, ok, projects, harnesses, problems: [{file, line, column, message}]}"
          + " instead, with the same exit code (the counts are null when the file has problems).",
      ""
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FleetFile fleet;

  @Option(names = "--json", description = "Print JSON instead of lines.")
  boolean json;

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
    Fleet f = problems.isEmpty() ? po.fleet() : null;
    if (json) {
      Json.print(out, json(po.registry().file().toString(), f, problems));
      return problems.isEmpty() ? 0 : 1;
    }
    if (!problems.isEmpty()) {
      problems.forEach(out::println);
      return 1;
    }
    out.println(
        po.registry().file()
            + ": OK ("
            + count(f.projects().size(), "project", "projects")
            + ", "
            + count(f.harnesses().size(), "harness", "harnesses")
            + ")");
    return 0;
  }

  private static ObjectNode json(String file, Fleet f, List<Problem> problems) {
    ObjectNode o = Json.object();
    o.put("file", file);
    o.put("ok", problems.isEmpty());
    if (f == null) {
      o.putNull("projects");
      o.putNull("harnesses");
    } else {
      o.put("projects", f.projects().size());
      o.put("harnesses", f.harnesses().size());
    }
    ArrayNode list = o.putArray("problems");
    for (Problem p : problems) {
      ObjectNode q = list.addObject();
      q.put("file", p.file().toString());
      q.put("line", p.line());
      q.put("column", p.column());
      q.put("message", p.message());
    }
    return o;
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
