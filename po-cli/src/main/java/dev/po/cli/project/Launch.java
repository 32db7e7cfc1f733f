package dev.po.cli.project;

import dev.po.Po;
import dev.po.cli.Colours;
import dev.po.cli.FleetFile;
import dev.po.cli.Progress;
import dev.po.cli.PoCommand;
import dev.po.project.LaunchCommand;
import dev.po.project.LaunchResult;
import dev.po.project.LaunchSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** What start and stop share: opening po with the caller's environment, and the report. */
final class Launch {
  private Launch() {}

  /** po-core on the registry, launchers getting po's environment, with the given timeout. */
  static Po po(CommandSpec spec, FleetFile fleet, Integer timeoutSeconds) {
    Po po = fleet.po();
    if (spec.root().userObject() instanceof PoCommand root) {
      po = po.withEnvironment(root.env());
    }
    if (timeoutSeconds != null) {
      if (timeoutSeconds <= 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be positive, not " + timeoutSeconds);
      }
      po = po.withTimeout(Duration.ofSeconds(timeoutSeconds));
    }
    return po;
  }

  static void refuseNamesWithAll(CommandSpec spec, boolean all, int names) {
    if (all == (names > 0)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), all ? "name projects or use --all, not both" : "name at least one project, or use --all");
    }
  }

  /**
   * Runs {@code launch} showing each project on stderr as it finishes, with a running count, when
   * stderr is a terminal; then reports.
   */
  static int run(CommandSpec spec, LaunchOptions options, LaunchCommand launch, Po po) {
    Progress progress = Progress.of(spec, () -> options.all ? po.fleet().projects().size() : options.distinctNames());
    if (progress.on()) {
      launch.setOnEach(r -> progress.step(line(r)));
    }
    return report(spec, launch.call());
  }

  /** One line per project on stdout (failures in full on stderr), then the summary; the exit code. */
  static int report(CommandSpec spec, LaunchSummary s) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Colours colours = Colours.of(spec);
    for (LaunchResult r : s.results()) {
      if (r.outcome() == LaunchResult.Outcome.FAILED) {
        out.println(r.project() + ": " + colours.failure("failed"));
        err.println("po: " + r.message());
      } else {
        out.println(line(r));
      }
    }
    out.println(s.line());
    out.flush();
    err.flush();
    return s.ok() ? 0 : 1;
  }

  /** {@code alpha: started (1.2s)}, {@code beta: skipped (disabled)}, {@code gamma: failed}. */
  static String line(LaunchResult r) {
    return switch (r.outcome()) {
      case DONE -> r.project() + ": " + r.message() + " (" + seconds(r.took()) + ")";
      case SKIPPED -> r.project() + ": skipped (" + r.message() + ")";
      case FAILED -> r.project() + ": failed";
    };
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }
}
