// stop-project.jsh: run the harness launcher's down in each project.
//   stop-project NAME... | --all [--fleet FILE]
// Exit: 0 all stopped, 1 any failed (the others still ran), 2 usage.
import dev.po.project.LaunchResult;
import dev.po.project.LaunchSummary;
import dev.po.scripts.Script;

int run(Script s) {
  s.expect(Set.of("--all"), Set.of("--fleet"));
  if (s.help()) {
    s.out().println("Usage: stop-project NAME... | --all [--fleet FILE]");
    return 0;
  }
  if (s.flag("--all") == !s.positionals().isEmpty()) {
    throw Script.usage("name at least one project, or use --all, not both");
  }
  LaunchSummary summary = s.po().stop(s.positionals().toArray(String[]::new))
      .setAll(s.flag("--all")).call();
  return report(s, summary);
}

int report(Script s, LaunchSummary summary) {
  // the same lines as po start and po stop
  for (LaunchResult r : summary.results()) {
    switch (r.outcome()) {
      case DONE -> s.out().println(r.project() + ": " + r.message() + " ("
          + String.format(java.util.Locale.ROOT, "%.1fs", r.took().toMillis() / 1000.0) + ")");
      case SKIPPED -> s.out().println(r.project() + ": skipped (" + r.message() + ")");
      case FAILED -> {
        s.out().println(r.project() + ": failed");
        s.err().println(s.name() + ": " + r.message());
      }
    }
  }
  s.out().println(summary.line());
  return summary.ok() ? 0 : 1;
}

int code = Script.exec(s -> run(s));
/exit code
/exit 1
