package dev.po.cli.project;

import dev.po.cli.ProjectNames;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "attach",
    mixinStandardHelpOptions = true,
    description = {
      "Attach the terminal to an agent's tmux session; detach with C-b d.",
      "",
      "Runs the project's harness launcher's attach (engine/agents attach AGENT), so the tmux"
          + " socket is the one the harness uses (AO_TMUX_SOCKET is passed through). For a project"
          + " on another host, through ssh -t, with the host's env.",
      "",
      "AGENT may be left out when the project has one agent. Refused in one line without a"
          + " terminal, or when the agent is not running.",
      ""
    })
public final class AttachCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The project name.",
      completionCandidates = ProjectNames.class)
  String name;

  @Parameters(index = "1", arity = "0..1", paramLabel = "AGENT", description = "The agent (default: the only one).")
  String agent;

  @Override
  public Integer call() {
    Launch.po(spec, null).project(name).attach(agent);
    return 0;
  }
}
