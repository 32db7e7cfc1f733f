package dev.po.cli.project;

import dev.po.Po;
import dev.po.cli.ProjectNames;
import dev.po.project.RollResult;
import dev.po.project.RollSummary;
import dev.po.project.UpdateResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    customSynopsis = {
      "po update [--restart] [--timeout=SECONDS] NAME NEW_REF",
      "   or: po update --all --from=OLD_REF [--restart [--settle=SECONDS]]",
      "                 [--keep-going] [--timeout=SECONDS] NEW_REF",
    },
    description = {
      "Move a project's engine pin: fetch in engine/, check out NEW_REF, commit only the engine"
          + " gitlink, then record the ref in the registry.",
      "",
      "Refused when the project has staged changes or engine/ has local edits. On any failure the"
          + " project (HEAD, index, engine checkout) and the registry are left as they were.",
      "",
      "With --all, a rolling update: every enabled project whose registry ref is OLD_REF, one at a"
          + " time in registry order. With --restart, each restarted project must then be running"
          + " for SETTLE seconds in a row (within SETTLE + 60) before the next one moves. The first"
          + " failure stops the roll unless --keep-going; the summary says moved, failed and not"
          + " attempted, and the exit code is 1 if any failed.",
      ""
    })
public final class UpdateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  // NAME completes from the registry; with --all the one word is NEW_REF
  @Parameters(arity = "1..2", paramLabel = "NAME NEW_REF", completionCandidates = ProjectNames.class,
      description = "The project and the harness tag, branch or commit to pin; NEW_REF alone with --all.")
  List<String> words = new ArrayList<>();

  @Option(names = "--restart", description = "Restart the project's harness afterwards if it was running.")
  boolean restart;

  @Option(names = "--all", description = "Every enabled project at --from, one at a time in registry order.")
  boolean all;

  @Option(names = "--from", paramLabel = "OLD_REF", description = "With --all: the registry ref of the projects to move.")
  String from;

  @Option(names = "--settle", paramLabel = "SECONDS", description = "With --all --restart: how long each restarted project must run before the next (default 10).")
  Integer settle;

  @Option(names = "--keep-going", description = "With --all: go on past a failed project.")
  boolean keepGoing;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Kill a launcher running longer (default 600).")
  Integer timeout;

  @Override
  public Integer call() {
    checkUsage();
    Po po = Launch.po(spec, timeout);
    PrintWriter out = spec.commandLine().getOut();
    if (all) {
      return roll(po, out);
    }
    UpdateResult r = po.project(words.get(0)).update(words.get(1)).setRestart(restart).call();
    out.println(r.line());
    return 0;
  }

  private int roll(Po po, PrintWriter out) {
    PrintWriter err = spec.commandLine().getErr();
    var roll = po.update(words.get(0)).setAll(true).setFrom(from).setRestart(restart).setKeepGoing(keepGoing);
    if (settle != null) {
      roll.setSettle(Duration.ofSeconds(settle));
    }
    RollSummary s = roll.setListener(r -> {
      switch (r.outcome()) {
        case MOVED -> out.println(r.update().line() + settled(r));
        case FAILED -> {
          out.println(r.project() + ": failed");
          err.println("po: " + r.message());
        }
        case NOT_ATTEMPTED -> out.println(r.project() + ": not attempted");
      }
      out.flush();
      err.flush();
    }).call();
    if (s.results().isEmpty()) {
      out.println("no enabled project is at " + from);
    }
    out.println(s.line());
    return s.ok() ? 0 : 1;
  }

  private void checkUsage() {
    if (all) {
      if (words.size() != 1) {
        throw usage("with --all, give NEW_REF alone: po update --all --from OLD_REF NEW_REF");
      }
      if (from == null) {
        throw usage("--all needs --from OLD_REF: the ref of the projects to move");
      }
    } else {
      if (words.size() != 2) {
        throw usage("give NAME and NEW_REF, or --all --from OLD_REF NEW_REF");
      }
      if (from != null || settle != null || keepGoing) {
        throw usage("--from, --settle and --keep-going go with --all");
      }
    }
    if (settle != null && !restart) {
      throw usage("--settle goes with --restart: only a restarted project settles");
    }
    if (settle != null && settle < 0) {
      throw usage("--settle must not be negative, not " + settle);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static String settled(RollResult r) {
    return r.update().restarted() ? ", settled" : "";
  }
}
