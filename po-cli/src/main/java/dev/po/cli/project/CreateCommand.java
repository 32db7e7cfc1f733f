package dev.po.cli.project;

import dev.po.cli.FleetFile;
import dev.po.cli.Progress;
import dev.po.fleet.Fleet;
import dev.po.project.CreateResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a project: a new git repository with engine/ as a submodule of the harness checked"
          + " out at REF, an agents.toml with one agent, its role file under prompts/, a .gitignore"
          + " and a README, in one commit.",
      "",
      "Refused, leaving nothing behind, when the ref or the harness url cannot be used, the"
          + " location is not empty, or the name is already registered.",
      ""
    })
public final class CreateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FleetFile fleet;

  @Parameters(paramLabel = "NAME", description = "The project name.")
  String name;

  @Option(names = "--ref", paramLabel = "REF", required = true, description = "The harness tag, branch or commit to pin.")
  String ref;

  @Option(names = "--harness", paramLabel = "H", description = "The harness (default: the registry's default).")
  String harness;

  @Option(
      names = "--location",
      paramLabel = "DIR",
      description = "Where to create it, resolved against the current directory (default: <projects_dir>/NAME).")
  String location;

  @Option(names = "--register", description = "Add it to the registry (enabled).")
  boolean register;

  @Option(names = "--agent", paramLabel = "AGENT", description = "The agent's name (default: worker).")
  String agent;

  @Option(
      names = "--agent-command",
      paramLabel = "CMD",
      description = "The agent's command, split at spaces (default: the harness's, claude).")
  String agentCommand;

  @Override
  public Integer call() {
    var create = Launch.po(spec, fleet, null).create(name).setRef(ref).setHarness(harness).setRegister(register);
    if (location != null) {
      create.setLocation(absolute(location));
    }
    if (agent != null) {
      create.setAgent(agent);
    }
    if (agentCommand != null && !agentCommand.isBlank()) {
      create.setAgentCommand(List.copyOf(Arrays.asList(agentCommand.strip().split("\\s+"))));
    }
    create.setProgress(Progress.of(spec).writer());
    CreateResult r = create.call();
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "created " + r.name() + " at " + r.root() + ": engine at " + r.harness() + " " + r.ref() + " ("
            + r.engineCommit().substring(0, 12) + ")");
    if (r.registered()) {
      out.println("registered " + r.name() + " in " + fleet.path());
    }
    return 0;
  }

  /** DIR from the current directory; {@code ~} as every location reads it (po-core's one rule). */
  static Path absolute(String dir) {
    return Fleet.empty(Path.of("").toAbsolutePath()).resolve(dir);
  }
}
