package dev.po.cli.project;

import dev.po.harness.HarnessPublisher;
import dev.po.harness.PublishResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code po harness ...}: work on harness repositories. */
@Command(
    name = "harness",
    mixinStandardHelpOptions = true,
    description = "Harness repositories: publish a harness folder for projects to pin.",
    subcommands = HarnessCommand.Publish.class)
public final class HarnessCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = {
        "Publish a harness folder (default: ./engine) as a bare git repository whose root is the"
            + " folder's content, and tag it. Made when missing; unchanged files add no commit;"
            + " a tag is never moved.",
        ""
      })
  static final class Publish implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--engine", paramLabel = "DIR", description = "The harness folder (default: engine).")
    Path engine = Path.of("engine");

    @Option(names = "--to", paramLabel = "BARE", required = true, description = "The bare repository to publish to.")
    Path to;

    @Option(names = "--tag", paramLabel = "TAG", required = true, description = "The tag to make, e.g. v0.1.0.")
    String tag;

    @Override
    public Integer call() {
      PublishResult r = HarnessPublisher.publish(engine.toAbsolutePath().normalize(), to.toAbsolutePath().normalize(), tag);
      spec.commandLine()
          .getOut()
          .println(
              "published " + r.files() + " files of " + engine + " to " + r.repository() + " as " + r.tag() + " ("
                  + r.commit().substring(0, 12) + (r.committed() ? ", new commit" : ", unchanged")
                  + (r.tagged() ? "" : ", tag already there") + ")");
      spec.commandLine().getOut().println("url for fleet.toml: " + r.repository());
      return 0;
    }
  }
}
