package dev.po.project;

import dev.po.Po;
import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import dev.po.fleet.Names;
import dev.po.host.CreateRequest;
import dev.po.host.Hosts;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Describes a new project; {@link #call()} makes it: a git repository whose {@code engine/} is a
 * submodule of the harness pinned at a ref, with an {@code agents.toml}, one role file, a {@code
 * .gitignore} and a README, all in one commit. A refusal or failure leaves nothing behind.
 *
 * <pre>{@code
 * CreateResult r = po.create("my-project").setRef("v0.1.0").setRegister(true).call();
 * }</pre>
 */
public final class CreateCommand {
  private final Po po;
  private final String name;
  private String ref;
  private String harness;
  private Path location;
  private boolean register;
  private String agent = "worker";
  private List<String> agentCommand = List.of();
  private String host;
  private String remoteLocation;
  private Writer progress;

  /** A create of {@code name} in {@code po}'s fleet; {@link Po#create} gives one. */
  public CreateCommand(Po po, String name) {
    this.po = Objects.requireNonNull(po, "po");
    this.name = name;
  }

  /** Required: the tag, branch or commit of the harness to pin. */
  public CreateCommand setRef(String ref) {
    this.ref = ref;
    return this;
  }

  /** The harness to use; the registry's default harness when not set. */
  public CreateCommand setHarness(String harness) {
    this.harness = harness;
    return this;
  }

  /**
   * Where to make the project; a relative path resolves against the registry's folder. Default
   * {@code <projects_dir>/<name>}. It must not exist, or be an empty folder, which is filled in
   * place (a link to one stays a link, a mount point stays mounted, owner and mode are kept).
   */
  public CreateCommand setLocation(Path location) {
    this.location = location;
    return this;
  }

  /**
   * Makes the project on the registry's {@code [hosts.HOST]} instead of this machine, cloning the
   * harness url as that host sees it; the location is then a path there (absolute or {@code ~/...})
   * given with {@link #setRemoteLocation}, by default {@code <projects_dir of HOST>/<name>}.
   */
  public CreateCommand setHost(String host) {
    this.host = host;
    return this;
  }

  /** Where to make the project on its host, as written: absolute or {@code ~/...} (that host's home). */
  public CreateCommand setRemoteLocation(String location) {
    this.remoteLocation = location;
    return this;
  }

  /** Whether to add the project to the registry; default {@code false}. */
  public CreateCommand setRegister(boolean register) {
    this.register = register;
    return this;
  }

  /** The one agent's name (and role file {@code prompts/NAME.md}); default {@code worker}. */
  public CreateCommand setAgent(String agent) {
    this.agent = agent;
    return this;
  }

  /** The agent's argv written to agents.toml; empty (the default) leaves the harness's default. */
  public CreateCommand setAgentCommand(List<String> command) {
    this.agentCommand = List.copyOf(command);
    return this;
  }

  /**
   * Where to write the harness clone's and checkout's progress as it goes (a terminal: lines are
   * rewritten in place with carriage returns); none by default.
   */
  public CreateCommand setProgress(Writer progress) {
    this.progress = progress;
    return this;
  }

  /**
   * Makes the project; throws {@link ProjectException} when refused, leaving nothing behind. A
   * create killed at any moment is finished or cleaned up by running it again: its hidden work
   * folder is removed, a folder it was filling is emptied and filled again, and a complete project
   * it did not live to register is registered when it is exactly what this create makes (else the
   * refusal names the {@code po fleet register} command to run).
   */
  public CreateResult call() {
    if (!Names.isValid(name)) {
      throw new ProjectException(invalid("project", name));
    }
    if (!Names.isValid(agent)) {
      throw new ProjectException(invalid("agent", agent));
    }
    if (ref == null || ref.isBlank()) {
      throw new ProjectException("project " + name + ": a ref (tag, branch or commit) is required");
    }
    if (!Names.isValidRef(ref)) {
      throw new ProjectException("project " + name + ": " + Names.invalidRef(ref));
    }
    Fleet fleet = po.registry().read();
    fleet.project(name).ifPresent(p -> {
      throw new ProjectException("project " + name + " is already registered (location " + p.location() + ")");
    });
    Harness h = harnessOf(fleet);
    if (host != null && fleet.host(host).isEmpty()) {
      throw new ProjectException("project " + name + ": no host '" + host + "' in the fleet registry");
    }
    // the one way a project is registered, here or for a project on another host, once its host made it
    String asGiven = harness == null ? null : h.name();
    CreateRequest request = new CreateRequest(name, ref, h, harness, location, remoteLocation, agent, agentCommand,
        register, fleet, Project.settings(po), null, progress,
        where -> new RegisterCommand(po, name).setLocation(where).setRef(ref).setHarness(asGiven).setHost(host).call());
    return Hosts.of(fleet, host).create(request);
  }

  private Harness harnessOf(Fleet fleet) {
    String hn = harness != null ? harness : fleet.defaults().harness();
    if (hn == null) {
      throw new ProjectException(
          "project " + name + ": no harness named and no [defaults] harness in the fleet registry");
    }
    return fleet.harness(hn)
        .orElseThrow(
            () -> new ProjectException("project " + name + ": harness '" + hn + "' is not declared in the fleet registry"));
  }

  private static String invalid(String kind, String value) {
    return "invalid " + kind + " name '" + value + "': use 1-63 of a-z 0-9 _ -, starting with a letter or digit";
  }
}
