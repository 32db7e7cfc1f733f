package dev.po.project;

import dev.po.PoException;
import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import dev.po.fleet.Names;
import dev.po.git.EngineReader;
import dev.po.git.Inspection;
import dev.po.git.ProjectRepos;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
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
  private final Lifecycle lifecycle;
  private final String name;
  private String ref;
  private String harness;
  private Path location;
  private boolean register;
  private String agent = "worker";
  private List<String> agentCommand = List.of();
  private String host;
  private String remoteLocation;
  /** On another host: the fleet the asking po sent, and how it records the project (see {@link FarSide}). */
  private Fleet given;
  private java.util.function.Consumer<Path> record;
  /** On another host: the asking po's name for this host, for the commands a message names. */
  private String seenAs;
  private Writer progress;

  CreateCommand(Lifecycle lifecycle, String name) {
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
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

  CreateCommand onFleet(Fleet fleet, java.util.function.Consumer<Path> how) {
    this.given = fleet;
    this.record = how;
    return this;
  }

  String name() {
    return name;
  }

  String ref() {
    return ref;
  }

  String agent() {
    return agent;
  }

  List<String> agentCommand() {
    return agentCommand;
  }

  boolean register() {
    return register;
  }

  Lifecycle lifecycle() {
    return lifecycle;
  }

  /** Where to make it on another host, as given, or {@code null} for its projects folder there. */
  String remoteLocation() {
    return remoteLocation;
  }

  /** The harness as given, or {@code null} for the registry's default (recorded as given). */
  String harnessAsGiven() {
    return harness;
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
    Fleet fleet = given != null ? given : lifecycle.registry().read();
    refuseRegistered(fleet);
    Harness h = harnessOf(fleet);
    if (host != null && fleet.host(host).isEmpty()) {
      throw new ProjectException("project " + name + ": no host '" + host + "' in the fleet registry");
    }
    return Hosts.of(fleet, host).create(this, fleet, h);
  }

  /** {@link #call()} on this machine, the request checked against {@code fleet}. */
  CreateResult createHere(Fleet fleet, Harness h) {
    Path root = location == null ? fleet.defaultLocationOf(name) : fleet.folder().resolve(location).normalize();
    String url = fleet.harnessUrl(h);
    Map<String, String> files = ProjectFiles.of(name, agent, agentCommand);
    try {
      removeDeadWork(root.getParent());
      CreateMarks.State state = CreateMarks.of(root);
      return switch (state) {
        case BUSY -> throw new ProjectException("project " + name + ": another po create is filling " + root + " now");
        case OCCUPIED -> found(fleet, root, h, url, files);
        case LEFTOVER, EMPTY -> inPlace(fleet, root, h, url, files);
        case ABSENT -> beside(fleet, root, h, url, files);
      };
    } catch (IOException e) {
      throw new ProjectException("project " + name + ": cannot create " + root + ": " + e.getMessage(), e);
    } catch (PoException e) {
      throw e instanceof ProjectException ? e : new ProjectException("project " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * An existing empty folder is filled where it is, so its owner, mode, link or mount stay; one a
   * killed create was filling (proven by its marker) is emptied and filled again.
   */
  private CreateResult inPlace(Fleet fleet, Path root, Harness h, String url, Map<String, String> files)
      throws IOException {
    CreateMarks.Held mark = CreateMarks.claim(root, commandLine(root, h));
    if (mark == null) {
      throw new ProjectException("project " + name + ": another po create is filling " + root + " now");
    }
    ProjectRepos.Created made;
    try {
      made = ProjectRepos.create(root, url, ref, files, message(h), progress);
    } catch (RuntimeException e) {
      quietly(() -> CreateMarks.emptyOut(root));
      quietly(mark::close);
      throw e;
    }
    mark.close();
    return registered(fleet, root, h, url, made, () -> CreateMarks.emptyOut(root));
  }

  /** A hidden sibling on the same file system, so the finished project appears in one rename. */
  private CreateResult beside(Fleet fleet, Path root, Harness h, String url, Map<String, String> files)
      throws IOException {
    Path created = createParents(root.getParent());
    Path work = null;
    ProjectRepos.Created made;
    try {
      work = Files.createDirectory(root.getParent().resolve(CreateMarks.workPrefix(name) + Long.toHexString(System.nanoTime())));
      try (CreateMarks.Held mark = CreateMarks.mark(work, commandLine(root, h))) {
        made = ProjectRepos.create(work, url, ref, files, message(h), progress);
        Files.move(work, root, StandardCopyOption.ATOMIC_MOVE);
        work = null;
        // the marker went along: a kill before it is removed leaves a folder the next create empties
        mark.movedTo(root).close();
      }
    } catch (IOException | RuntimeException e) {
      Path leftover = work;
      quietly(() -> Trees.delete(leftover));
      if (created != null) {
        quietly(() -> Trees.delete(created));
      }
      throw e;
    }
    return registered(fleet, root, h, url, made, () -> {
      Trees.delete(root);
      if (created != null) {
        Trees.delete(created);
      }
    });
  }

  /** A folder with content: a complete project this create made but did not register, or a refusal. */
  private CreateResult found(Fleet fleet, Path root, Harness h, String url, Map<String, String> files) {
    ProjectRepos.Created made = ProjectRepos.matching(root, url, ref, files);
    if (made != null && register) {
      register(fleet, root, h);
      return new CreateResult(name, root, h.name(), url, ref, made.engineCommit(), made.commit(), true, true);
    }
    var owner = fleet.projects().stream().filter(p -> fleet.pathOf(p).equals(root)).findFirst();
    if (owner.isPresent()) {
      throw new ProjectException("project " + name + ": " + root + " exists and is not empty (it is the location of"
          + " project " + owner.get().name() + ")");
    }
    if (made != null || new EngineReader().inspect(root).kind() == Inspection.Kind.SOUND) {
      throw new ProjectException("project " + name + ": " + root + " already holds a project"
          + (made != null ? " exactly as this create makes it" : "") + "; to use it, run '"
          + registerCommand(root, h) + "'");
    }
    throw new ProjectException("project " + name + ": " + root + " exists and is not empty");
  }

  /** The command that registers {@code root} as this create would have, ready to paste into a shell. */
  private String registerCommand(Path root, Harness h) {
    return "po fleet register " + name + hostOption() + " --location " + shellWord(root.toString()) + " --ref "
        + shellWord(ref) + (harness == null ? "" : " --harness " + h.name());
  }

  /** {@code --host H} when this create runs on another host for the po that names it H. */
  private String hostOption() {
    return seenAs == null ? "" : " --host " + shellWord(seenAs);
  }

  /** On another host: the asking po's name for it, which the commands a message names carry. */
  CreateCommand seenAs(String hostName) {
    this.seenAs = hostName;
    return this;
  }

  /**
   * This create as a command line filling {@code root}, for its marker: what a dead create leaves
   * is repaired by running it again.
   */
  private String commandLine(Path root, Harness h) {
    return "po create " + name + " --ref " + shellWord(ref) + (harness == null ? "" : " --harness " + h.name())
        + hostOption() + " --location " + shellWord(root.toString()) + ("worker".equals(agent) ? "" : " --agent " + agent)
        + (agentCommand.isEmpty() ? "" : " --agent-command " + shellWord(String.join(" ", agentCommand)))
        + (register ? " --register" : "");
  }

  private static String shellWord(String s) {
    return s.matches("[A-Za-z0-9_./@%+=:,-]+") ? s : "\"" + s.replaceAll("([\"\\\\$`])", "\\\\$1") + "\"";
  }

  private CreateResult registered(Fleet fleet, Path root, Harness h, String url, ProjectRepos.Created made,
      IoAction undo) {
    if (register) {
      try {
        register(fleet, root, h);
      } catch (RuntimeException e) {
        quietly(undo);
        throw e;
      }
    }
    return new CreateResult(name, root, h.name(), url, ref, made.engineCommit(), made.commit(), register, false);
  }

  /**
   * Hidden work folders of earlier creates of this name whose creator died. One still held means
   * a create of this name is running; one without a marker that is not empty is not provably a
   * create's, so it is named rather than touched.
   */
  private void removeDeadWork(Path parent) throws IOException {
    for (Path work : CreateMarks.workFolders(parent, name)) {
      switch (CreateMarks.of(work)) {
        case LEFTOVER, EMPTY -> Trees.delete(work);
        case BUSY -> throw new ProjectException("project " + name + ": another po create of " + name + " is running ("
            + work + ")");
        default -> throw new ProjectException("project " + name + ": " + work
            + " looks like a leftover of an interrupted po create but holds no marker; remove it, then retry");
      }
    }
  }

  private String message(Harness h) {
    return "New project " + name + "\n\nengine/ pins harness " + h.name() + " at " + ref + ".\n";
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void quietly(IoAction action) {
    try {
      action.run();
    } catch (IOException | RuntimeException ignored) {
      // the original failure is the one to report; what is left carries a marker or sits in a folder we made
    }
  }

  void refuseRegistered(Fleet fleet) {
    fleet.project(name).ifPresent(p -> {
      throw new ProjectException(
          "project " + name + " is already registered (location " + p.location() + ")");
    });
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

  private void register(Fleet before, Path root, Harness h) {
    if (record != null) {
      // on another host: the asking po writes its own registry, and says whether it could
      record.accept(root);
      return;
    }
    new RegisterCommand(lifecycle, name).setLocation(root.toString()).setRef(ref)
        .setHarness(harness == null ? null : h.name()).call();
  }

  /** Makes {@code dir} and missing parents; returns the outermost one made, or null. */
  private static Path createParents(Path dir) throws IOException {
    Path outermost = null;
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
      outermost = p;
    }
    Files.createDirectories(dir);
    return outermost;
  }

  private static String invalid(String kind, String value) {
    return "invalid " + kind + " name '" + value + "': use 1-63 of a-z 0-9 _ -, starting with a letter or digit";
  }
}
