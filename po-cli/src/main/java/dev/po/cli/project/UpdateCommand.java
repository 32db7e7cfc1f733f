package dev.po.cli.project;

import dev.po.cli.FleetFile;
import dev.po.cli.ProjectNames;
import dev.po.project.UpdateResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = {
      "Move a project's engine pin: fetch in engine/, check out NEW_REF, commit only the engine"
          + " gitlink, then record the ref in the registry.",
      "",
      "Refused when the project has staged changes or engine/ has local edits. On any failure the"
          + " project (HEAD, index, engine checkout) and the registry are left as they were.",
      ""
    })
public final class UpdateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FleetFile fleet;

  @Parameters(index = "0", paramLabel = "NAME", description = "The project name.",
      completionCandidates = ProjectNames.class)
  String name;

  @Parameters(index = "1", paramLabel = "NEW_REF", description = "The harness tag, branch or commit to pin.")
  String ref;

  @Option(names = "--restart", description = "Restart the project's harness afterwards if it was running.")
  boolean restart;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Kill a launcher running longer (default 600).")
  Integer timeout;

  @Override
  public Integer call() {
    UpdateResult r = Launch.po(spec, fleet, timeout).project(name).update(ref).setRestart(restart).call();
    PrintWriter out = spec.commandLine().getOut();
    out.println(r.line());
    return 0;
  }
}
