// fleet.jsh: read the fleet registry.
//   fleet [--fleet FILE] list | status [NAME...] | validate | get NAME
// The registry is --fleet FILE, else $PO_FLEET, else ./fleet.toml. Exit: 0 ok, 1 problem, 2 usage.
import dev.po.Po;
import dev.po.fleet.*;
import dev.po.project.ProjectStatus;
import dev.po.scripts.Script;

int list(Script s, Fleet fleet) {
  for (ProjectEntry p : fleet.projects()) {
    s.out().printf("%-24s %-8s %s@%s  %s%n", p.name(), p.enabled() ? "enabled" : "disabled",
        fleet.harnessNameOf(p).orElse("-"), p.ref(), fleet.pathOf(p));
  }
  return 0;
}

int get(Script s, Fleet fleet, String name) {
  ProjectEntry p = fleet.requireProject(name);
  s.out().println("name      " + p.name());
  s.out().println("location  " + p.location());
  s.out().println("path      " + fleet.pathOf(p));
  s.out().println("harness   " + fleet.harnessNameOf(p).orElse("-"));
  s.out().println("ref       " + p.ref());
  s.out().println("enabled   " + p.enabled());
  return 0;
}

int status(Script s, Po po, String... names) {
  for (ProjectStatus st : po.status(names)) {
    String pin = st.pinName() == null ? "-" : st.pinName() + (st.drift() ? "*" : "");
    s.out().printf("%-24s %-8s %-28s %-12s %-10s %s%n", st.name(), st.enabled() ? "enabled" : "disabled",
        st.harness() + "@" + st.ref(), pin, st.sound() ? "ok" : st.problem(), st.state().word());
  }
  return 0;
}

int validate(Script s, Po po) {
  var problems = po.registry().validate();
  problems.forEach(p -> s.err().println(p));
  if (!problems.isEmpty()) {
    return 1;
  }
  Fleet fleet = po.fleet();
  // the same line as po fleet validate
  int n = fleet.projects().size();
  int h = fleet.harnesses().size();
  s.out().println(po.registry().file() + ": OK (" + n + (n == 1 ? " project, " : " projects, ")
      + h + (h == 1 ? " harness)" : " harnesses)"));
  return 0;
}

int run(Script s) {
  s.expect(Set.of(), Set.of("--fleet"));
  if (s.help()) {
    s.out().println("Usage: fleet [--fleet FILE] list | status [NAME...] | validate | get NAME");
    return 0;
  }
  Po po = s.po();
  String verb = s.positional(0, "a verb: list, status, validate or get");
  if (verb.equals("list")) {
    return list(s, po.fleet());
  } else if (verb.equals("get")) {
    return get(s, po.fleet(), s.positional(1, "NAME"));
  } else if (verb.equals("status")) {
    return status(s, po, s.positionals().subList(1, s.positionals().size()).toArray(String[]::new));
  } else if (verb.equals("validate")) {
    return validate(s, po);
  }
  throw Script.usage("unknown verb '" + verb + "': use list, status, validate or get");
}

int code = Script.exec(s -> run(s));
/exit code
// Reached only when the script itself does not compile: fail rather than fall into jshell.
/exit 1
