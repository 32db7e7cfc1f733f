// create-project.jsh: make a new project, optionally registered.
//   create-project NAME --ref REF [--harness H] [--location DIR] [--agent-command CMD] [--register] [--fleet FILE]
// Exit: 0 made, 1 refused (nothing left behind), 2 usage.
import dev.po.project.CreateCommand;
import dev.po.project.CreateResult;
import dev.po.scripts.Script;

int run(Script s) {
  s.expect(Set.of("--register"), Set.of("--fleet", "--ref", "--harness", "--location", "--agent-command"));
  if (s.help()) {
    s.out().println("Usage: create-project NAME --ref REF [--harness H] [--location DIR] [--agent-command CMD] [--register] [--fleet FILE]");
    return 0;
  }
  String name = s.positional(0, "NAME");
  String ref = s.option("--ref");
  if (ref == null) {
    throw Script.usage("missing --ref REF");
  }
  CreateCommand create = s.po().create(name).setRef(ref).setRegister(s.flag("--register"));
  if (s.option("--harness") != null) {
    create.setHarness(s.option("--harness"));
  }
  if (s.option("--location") != null) {
    create.setLocation(Path.of(s.option("--location")).toAbsolutePath());
  }
  String command = s.option("--agent-command");
  if (command != null && !command.isBlank()) {
    // split at spaces, as po create does
    create.setAgentCommand(List.of(command.strip().split("\\s+")));
  }
  CreateResult made = create.call();
  // the same lines as po create
  s.out().println((made.found() ? "found " + made.name() + " complete but unregistered (an interrupted create) at "
      : "created " + made.name() + " at ") + made.root() + ": engine at " + made.harness() + " " + made.ref()
      + " (" + made.engineCommit().substring(0, 12) + ")");
  if (made.registered()) {
    s.out().println("registered " + made.name() + " in " + s.fleetFile());
  }
  return 0;
}

int code = Script.exec(s -> run(s));
/exit code
// Reached only when the script itself does not compile: fail rather than fall into jshell.
/exit 1
