package dev.po.project;

import dev.po.PoException;
import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import dev.po.fleet.Names;
import dev.po.git.ProjectRepos;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
  private final Lifecycle lifecycle;
  private final String name;
  private String ref;
  private String harness;
  private Path location;
  private boolean register;
  private String agent = "worker";
  private List<String> agentCommand = List.of();
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
   * {@code <projects_dir>/<name>}. It must not exist or be an empty folder.
   */
  public CreateCommand setLocation(Path location) {
    this.location = location;
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

  /** Makes the project; throws {@link ProjectException} when refused, leaving nothing behind. */
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
    Fleet fleet = lifecycle.registry().read();
    refuseRegistered(fleet);
    Harness h = harnessOf(fleet);
    Path root = location == null ? fleet.defaultLocationOf(name) : fleet.folder().resolve(location).normalize();
    boolean emptyFolderExisted = refuseOccupied(root);

    Path created = null; // the outermost folder this call made, removed on failure
    Path work = null;
    try {
      created = createParents(root.getParent());
      // A hidden sibling on the same file system, so the finished project appears in one rename.
      work = Files.createDirectory(root.getParent().resolve("." + name + ".creating-" + Long.toHexString(System.nanoTime())));
      String message = "New project " + name + "\n\nengine/ pins harness " + h.name() + " at " + ref + ".\n";
      ProjectRepos.Created made =
          ProjectRepos.create(work, fleet.harnessUrl(h), ref, ProjectFiles.of(name, agent, agentCommand), message, progress);
      if (emptyFolderExisted) {
        Files.delete(root);
      }
      Files.move(work, root, StandardCopyOption.ATOMIC_MOVE);
      work = null;
      try {
        if (register) {
          register(fleet, root, h);
        }
      } catch (RuntimeException e) {
        Trees.delete(root);
        if (emptyFolderExisted) {
          Files.createDirectories(root);
        }
        throw e;
      }
      return new CreateResult(name, root, h.name(), fleet.harnessUrl(h), ref, made.engineCommit(), made.commit(), register);
    } catch (IOException e) {
      cleanUp(work, created);
      restoreEmptyFolder(root, emptyFolderExisted);
      throw new ProjectException("project " + name + ": cannot create " + root + ": " + e.getMessage(), e);
    } catch (PoException e) {
      cleanUp(work, created);
      throw e instanceof ProjectException ? e : new ProjectException("project " + name + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      cleanUp(work, created);
      throw e;
    }
  }

  private void refuseRegistered(Fleet fleet) {
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

  /** Refuses a location holding anything; returns whether it is an existing empty folder. */
  private boolean refuseOccupied(Path root) {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    if (!Files.isDirectory(root)) {
      throw new ProjectException("project " + name + ": " + root + " exists and is not a folder");
    }
    try (var entries = Files.list(root)) {
      if (entries.findAny().isPresent()) {
        throw new ProjectException("project " + name + ": " + root + " exists and is not empty");
      }
    } catch (IOException e) {
      throw new ProjectException("project " + name + ": cannot read " + root + ": " + e.getMessage(), e);
    }
    return true;
  }

  private void register(Fleet before, Path root, Harness h) {
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

  /** The rename into place failed after the empty folder was removed for it: put it back. */
  private static void restoreEmptyFolder(Path root, boolean existed) {
    if (existed && !Files.exists(root)) {
      try {
        Files.createDirectories(root);
      } catch (IOException ignored) {
        // the original failure is reported; the folder was empty
      }
    }
  }

  private static void cleanUp(Path work, Path created) {
    try {
      if (work != null) {
        Trees.delete(work);
      }
      if (created != null) {
        Trees.delete(created);
      }
    } catch (IOException | RuntimeException ignored) {
      // The original failure matters more; what is left is in a folder only we made.
    }
  }

  private static String invalid(String kind, String value) {
    return "invalid " + kind + " name '" + value + "': use 1-63 of a-z 0-9 _ -, starting with a letter or digit";
  }
}
