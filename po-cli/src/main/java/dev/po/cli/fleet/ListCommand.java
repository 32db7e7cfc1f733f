package dev.po.cli.fleet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.po.cli.FleetFile;
import dev.po.cli.Json;
import dev.po.cli.Table;
import dev.po.fleet.Fleet;
import dev.po.fleet.ProjectEntry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List the registered projects in file order.",
      "",
      "JSON: an array of {name, location, harness, ref, enabled, host}; location as written,"
          + " harness as resolved (the project's own, else the default; null when neither), host"
          + " null for this machine.",
      ""
    })
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FleetFile fleet;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    Fleet f = fleet.po().fleet();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode a = Json.array();
      f.projects().forEach(p -> a.add(Views.entry(f, p)));
      Json.print(out, a);
    } else if (f.projects().isEmpty()) {
      out.println(Views.none(fleet.path()));
    } else {
      Table t = new Table("NAME", "LOCATION", "HARNESS", "REF", "ENABLED");
      for (ProjectEntry p : f.projects()) {
        t.row(p.name(), p.location(), f.harnessNameOf(p).orElse(null), p.ref(), Views.yesNo(p.enabled()));
      }
      t.print(out);
    }
    return 0;
  }
}
