package dev.po.cli.fleet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.po.cli.Colours;
import dev.po.cli.FleetFile;
import dev.po.cli.ProjectNames;
import dev.po.cli.Json;
import dev.po.cli.Table;
import dev.po.project.ProjectStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show the state of the named projects, or of all.",
      "",
      "PIN is the tag at the engine gitlink of the project's HEAD, else its short commit; a *"
          + " marks a pin that differs from the commit the registry's ref names. LOCATION is ok,"
          + " or why the location is not sound. STATE is the harness state (running, degraded,"
          + " stopped or unknown). Exits 0 even when projects drift or are missing: that is what"
          + " it reports.",
      "",
      "--agents adds a table with a row per agent: its state (running, dead, stopped, backoff,"
          + " crashloop), pid, uptime, restarts since the last up, and last exit (128 + signal).",
      "",
      "JSON: an array of {name, enabled, harness, ref, path, exists, sound, problem, pin,"
          + " pinName, drift, state, agents}; pin is the full commit or null; agents is always"
          + " there, each {name, watch, state, alive, pid, uptimeSeconds, restarts, lastExit}.",
      ""
    })
final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FleetFile fleet;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Project names (default: all).",
      completionCandidates = ProjectNames.class)
  List<String> names = new ArrayList<>();

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Option(names = "--agents", description = "Add a row per agent: state, pid, uptime, restarts, last exit.")
  boolean agents;

  @Override
  public Integer call() {
    List<ProjectStatus> all = fleet.po().status(names.toArray(String[]::new));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode a = Json.array();
      all.forEach(s -> a.add(Views.status(s)));
      Json.print(out, a);
      return 0;
    }
    if (all.isEmpty()) {
      out.println(Views.none(fleet.path()));
      return 0;
    }
    Colours colours = Colours.of(spec);
    Table t = new Table("NAME", "ENABLED", "HARNESS@REF", "PIN", "LOCATION", "STATE");
    boolean drift = false;
    for (ProjectStatus s : all) {
      t.row(
          s.name(),
          Views.yesNo(s.enabled()),
          Views.harnessAtRef(s.harness(), s.ref()),
          Views.pin(s),
          s.sound() ? "ok" : s.problem(),
          colours.state(s.state().word()));
      drift |= s.drift();
    }
    t.print(out);
    if (drift) {
      out.println("* the pin differs from the registry's ref");
    }
    if (agents) {
      out.println();
      if (all.stream().allMatch(s -> s.agents().isEmpty())) {
        out.println("no agents recorded: a project's harness records its agents when it first starts");
      } else {
        Views.agents(all).print(out);
      }
    }
    return 0;
  }
}
