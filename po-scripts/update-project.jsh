// update-project.jsh: move a project's engine pin to a new ref, then record it in the registry.
//   update-project NAME NEW_REF [--restart] [--fleet FILE]
// Exit: 0 moved, 1 refused or failed (project and registry as before), 2 usage.
import dev.po.project.UpdateResult;
import dev.po.scripts.Script;

int run(Script s) {
  s.expect(Set.of("--restart"), Set.of("--fleet"));
  if (s.help()) {
    s.out().println("Usage: update-project NAME NEW_REF [--restart] [--fleet FILE]");
    return 0;
  }
  String name = s.positional(0, "NAME");
  String ref = s.positional(1, "NEW_REF");
  UpdateResult moved = s.po().project(name).update(ref).setRestart(s.flag("--restart")).call();
  s.out().println(moved.line()); // the same line as po update
  return 0;
}

int code = Script.exec(s -> run(s));
/exit code
/exit 1
