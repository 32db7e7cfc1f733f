// logs.jsh: print the end of a project's agent logs, as the harness keeps them.
//   logs NAME [AGENT] [-n LINES] [--fleet FILE]
// Without AGENT, every agent's log in turn, each line after the agent's name. To follow a log as
// it is written, use po logs -f: a script runs to its end.
// Exit: 0 printed, 1 no such project or agent, or no log yet, 2 usage.
import dev.po.project.LogLine;
import dev.po.scripts.Script;

int run(Script s) {
  s.expect(Set.of(), Set.of("--fleet", "-n", "--lines"));
  if (s.help()) {
    s.out().println("Usage: logs NAME [AGENT] [-n LINES] [--fleet FILE]");
    return 0;
  }
  String name = s.positional(0, "NAME");
  if (s.positionals().size() > 2) {
    throw Script.usage("unexpected argument " + s.positionals().get(2));
  }
  String agent = s.positionals().size() > 1 ? s.positionals().get(1) : null;
  String n = s.option("-n") != null ? s.option("-n") : s.option("--lines");
  int lines;
  try {
    lines = n == null ? dev.po.project.LogsCommand.DEFAULT_LINES : Integer.parseInt(n);
  } catch (NumberFormatException e) {
    throw Script.usage("-n needs a number of lines, not " + n);
  }
  if (lines < 0) {
    throw Script.usage("-n must not be negative, not " + lines);
  }
  List<LogLine> all = s.po().project(name).logs().setAgent(agent).setLines(lines).call();
  int width = all.stream().mapToInt(l -> l.agent().length()).max().orElse(0);
  for (LogLine l : all) {
    s.out().println(agent != null ? l.text() : String.format("%-" + width + "s | %s", l.agent(), l.text()));
  }
  return 0;
}

int code = Script.exec(s -> run(s));
/exit code
// Reached only when the script itself does not compile: fail rather than fall into jshell.
/exit 1
