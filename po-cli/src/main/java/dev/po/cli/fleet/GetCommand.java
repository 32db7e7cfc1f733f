package dev.po.cli.fleet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.po.cli.FleetFile;
import dev.po.cli.ProjectNames;
import dev.po.cli.Json;
import dev.po.fleet.Fleet;
import dev.po.fleet.ProjectEntry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Show one registered project.",
      "",
      "JSON: {name, location, harness, ref, enabled, path}; path is the resolved absolute"
          + " location.",
      ""
    })
final class GetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FleetFile fleet;

  @Parameters(paramLabel = "NAME", description = "The project name.", completionCandidates = ProjectNames.class)
  String name;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    Fleet f = fleet.po().fleet();
    ProjectEntry p = f.requireProject(name);
    PrintWriter out = spec.commandLine().getOut();
    ObjectNode o = Views.entry(f, p);
    o.put("path", f.pathOf(p).toString());
    if (json) {
      Json.print(out, o);
    } else {
      o.properties().forEach(e -> out.printf("%-9s %s%n", e.getKey() + ":", e.getValue().isNull() ? "-" : e.getValue().asText()));
    }
    return 0;
  }
}
