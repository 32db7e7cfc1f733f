package dev.po.cli.demo;

import dev.po.Po;
import dev.po.PoException;
import dev.po.cli.PoCommand;
import dev.po.fleet.Problem;
import dev.po.harness.HarnessPublisher;
import dev.po.harness.PublishResult;
import dev.po.project.CreateCommand;
import dev.po.project.CreateResult;
import dev.po.project.LaunchSummary;
import dev.po.project.Project;
import dev.po.project.UpdateResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code po demo}: the PO's main job, end to end, in a sandbox. Everything it makes lives in one
 * folder, its agents run on a tmux socket of its own, and the operator's registry and sessions are
 * never read or touched.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the PO's main job end to end on a built-in demo, in a sandbox folder.",
      "",
      "It publishes the in-tree harness (engine/) with tags v0.1.0 and v0.2.0, creates three projects"
          + " registered in a sandbox fleet.toml, starts them, shows the fleet status, kills one"
          + " agent and shows it healed, updates one project to v0.2.0, validates, stops"
          + " everything and removes the sandbox (unless --keep).",
      "",
      "The agents run claude when it is on PATH, else a stand-in command (the demo says which)."
          + " The demo uses its own tmux socket and never touches the operator's registry or"
          + " tmux sessions. The first run also builds the harness with Maven; later runs reuse that build.",
      ""
    })
public final class DemoCommand implements Callable<Integer> {
  static final List<String> PROJECTS = List.of("alpha", "beta", "gamma");
  static final String OLD_TAG = "v0.1.0";
  static final String NEW_TAG = "v0.2.0";

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "The sandbox folder; it must not exist or be empty (default: a new temp folder).")
  Path dir;

  @Option(names = "--keep", description = "Leave the sandbox, its projects and registry in place.")
  boolean keep;

  @Option(
      names = "--engine",
      paramLabel = "DIR",
      description = "The harness folder to publish (default: engine/ of this PO's checkout).")
  Path engine;

  @Option(
      names = "--heal-timeout",
      paramLabel = "SECONDS",
      description = "How long to wait for the killed agent to come back (default: ${DEFAULT-VALUE}).")
  int healTimeout = 60;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> env = operatorEnvironment();
    for (String tool : List.of("tmux", "git")) {
      if (!Sandbox.onPath(tool, env.get("PATH"))) {
        throw new PoException("the demo needs " + tool + " on PATH (on Debian: apt-get install -y " + tool + ")");
      }
    }
    try (Sandbox sandbox = Sandbox.open(dir, keep)) {
      Steps steps = new Steps(out);
      Path harness = Sandbox.findEngine(engine, getClass());
      String socket = "po-demo-" + ProcessHandle.current().pid();

      steps.title("publish the harness " + harness + " as a harness repository");
      Path bare = sandbox.root().resolve("harness/agent-orchestrator.git");
      steps.say(published(HarnessPublisher.publish(harness, bare, OLD_TAG)));
      steps.say(published(HarnessPublisher.publish(sandbox.nextRelease(harness, NEW_TAG), bare, NEW_TAG)));

      steps.title("a sandbox registry: " + sandbox.fleetFile());
      sandbox.writeFleet();
      Map<String, String> demoEnv = new HashMap<>(env);
      // The demo's agents live on their own tmux server, so the operator's sessions are untouched.
      demoEnv.put("AO_TMUX_SOCKET", socket);
      Po po = Po.open(sandbox.fleetFile()).withEnvironment(demoEnv).withTimeout(Duration.ofMinutes(10));

      List<String> agentCommand = sandbox.agentCommand(env);
      steps.title("create " + String.join(", ", PROJECTS) + " at " + OLD_TAG + " (po create NAME --ref "
          + OLD_TAG + " --register)");
      if (agentCommand != null) {
        steps.say("claude is not on PATH: the agents run a stand-in command instead, "
            + String.join(" ", agentCommand));
      }
      for (String name : PROJECTS) {
        CreateCommand create = po.create(name).setRef(OLD_TAG).setRegister(true);
        if (agentCommand != null) {
          create.setAgentCommand(agentCommand);
        }
        CreateResult made = create.call();
        steps.say(name + ": " + made.root() + ", engine at " + made.engineCommit().substring(0, 7));
      }

      steps.title("start every enabled project (po start --all), tmux socket " + socket);
      steps.say("the first start builds the harness with Maven; later ones reuse the build");
      int code = 1;
      try {
        code = startedFleet(po, steps, sandbox, env);
      } finally {
        // Also after a failure: no agent of the demo outlives it, and its sandbox can go.
        code = stopAll(po, steps, code);
        Sandbox.removeTmuxSocket(socket, env);
        if (keep) {
          steps.say("the sandbox stays: " + sandbox.root() + " (registry " + sandbox.fleetFile() + ")");
        }
      }
      return code;
    }
  }

  /** Steps 4 to 9, while the demo's projects run; returns the exit code so far. */
  private int startedFleet(Po po, Steps steps, Sandbox sandbox, Map<String, String> env)
      throws InterruptedException {
    LaunchSummary started = po.start().setAll(true).call();
    started.results().forEach(r -> steps.say(r.project() + ": " + r.message()));
    steps.say(started.line());
    if (!started.ok()) {
      return 1;
    }

    steps.title("the fleet (po fleet status)");
    steps.po(env, "fleet", "status", "--fleet", sandbox.fleetFile().toString());

    Project victim = po.project(PROJECTS.get(0));
    steps.title("kill -9 an agent of " + victim.name() + " and watch the harness heal it");
    if (!Healing.killAndWait(victim, Duration.ofSeconds(healTimeout), steps)) {
      return 1;
    }

    steps.title("move " + PROJECTS.get(1) + " to " + NEW_TAG + " (po update " + PROJECTS.get(1) + " " + NEW_TAG + ")");
    UpdateResult moved = po.project(PROJECTS.get(1)).update(NEW_TAG).call();
    steps.say(moved.project() + ": engine " + moved.fromRef() + " -> " + moved.toRef() + " ("
        + moved.toCommit().substring(0, 7) + "), committed in the project and recorded in the registry");

    steps.title("validate the registry against the disk (po fleet validate)");
    List<Problem> problems = po.registry().validate();
    problems.forEach(p -> steps.say(p.toString()));
    steps.say(problems.isEmpty() ? "no problems" : problems.size() + " problems");

    steps.title("the fleet again");
    steps.po(env, "fleet", "status", "--fleet", sandbox.fleetFile().toString());

    return problems.isEmpty() ? 0 : 1;
  }

  private static String published(PublishResult r) {
    return "published " + r.tag() + " at " + r.commit().substring(0, 7) + " (" + r.files() + " files) in "
        + r.repository();
  }

  private static int stopAll(Po po, Steps steps, int code) {
    steps.title("stop everything (po stop --all)");
    LaunchSummary stopped = po.stop().setAll(true).call();
    stopped.results().forEach(r -> steps.say(r.project() + ": " + r.message()));
    steps.say(stopped.line());
    steps.title(code == 0 && stopped.ok() ? "demo complete" : "demo failed");
    return stopped.ok() ? code : 1;
  }

  private Map<String, String> operatorEnvironment() {
    Object root = spec.root().userObject();
    return root instanceof PoCommand po ? po.env() : System.getenv();
  }

  /** Prints the demo's steps, numbered, and runs {@code po} command lines in-process. */
  static final class Steps {
    private final PrintWriter out;
    private int n;

    Steps(PrintWriter out) {
      this.out = out;
    }

    void title(String what) {
      out.println();
      out.println("== " + (++n) + ". " + what);
      out.flush();
    }

    void say(String line) {
      out.println("   " + line);
      out.flush();
    }

    void po(Map<String, String> env, String... args) {
      out.println("   $ po " + String.join(" ", args));
      StringWriter shown = new StringWriter();
      dev.po.cli.Main.inProcess(env, new PrintWriter(shown), args);
      shown.toString().lines().forEach(this::say);
    }
  }
}
