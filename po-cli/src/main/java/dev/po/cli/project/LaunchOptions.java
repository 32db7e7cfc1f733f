package dev.po.cli.project;

import dev.po.Po;
import dev.po.cli.ProjectNames;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What start and stop take alike: the projects or --all, and how to run their launchers. */
final class LaunchOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "The projects.",
      completionCandidates = ProjectNames.class)
  List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "start: every enabled project, in registry order; disabled ones are skipped."
      + " stop: every project that may run, disabled ones too.")
  boolean all;

  @Option(names = "--sequential", description = "Run the launchers one by one (default: a few at a time).")
  boolean sequential;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Kill a launcher running longer (default 600).")
  Integer timeout;

  /** po-core for these options, after refusing names together with --all (or neither). */
  Po po() {
    Launch.refuseNamesWithAll(mixee, all, names.size());
    return Launch.po(mixee, timeout);
  }

  /** How many projects are named, each counted once as the launch does. */
  int distinctNames() {
    return new java.util.LinkedHashSet<>(names).size();
  }

  String[] names() {
    return names.toArray(String[]::new);
  }
}
