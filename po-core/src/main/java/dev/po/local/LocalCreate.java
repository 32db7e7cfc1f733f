package dev.po.local;

import dev.po.PoException;
import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import dev.po.git.EngineReader;
import dev.po.git.Inspection;
import dev.po.git.ProjectRepos;
import dev.po.host.CreateRequest;
import dev.po.project.CreateResult;
import dev.po.project.ProjectException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * A create on this machine: the project is made in a hidden sibling and renamed into place, or
 * filled in place in an empty folder, carrying a locked marker while it is made, so that a create
 * killed at any moment is finished or cleaned up by running it again.
 */
final class LocalCreate {
  private final CreateRequest c;
  private final String name;
  private final String ref;
  private final String harness;
  private final Path location;
  private final boolean register;
  private final String agent;
  private final List<String> agentCommand;
  private final String seenAs;
  private final Writer progress;

  private LocalCreate(CreateRequest c) {
    this.c = c;
    this.name = c.name();
    this.ref = c.ref();
    this.harness = c.harnessAsGiven();
    this.location = c.location();
    this.register = c.register();
    this.agent = c.agent();
    this.agentCommand = c.agentCommand();
    this.seenAs = c.seenAs();
    this.progress = c.progress();
  }

  /** The create on this machine, the request checked against its fleet. */
  static CreateResult call(CreateRequest c) {
    return new LocalCreate(c).make();
  }

  private CreateResult make() {
    Fleet fleet = c.fleet();
    Harness h = c.harness();
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
      c.recorder().record(root.toString());
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
        c.recorder().record(root.toString());
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

  /** Makes {@code dir} and missing parents; returns the outermost one made, or null. */
  private static Path createParents(Path dir) throws IOException {
    Path outermost = null;
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
      outermost = p;
    }
    Files.createDirectories(dir);
    return outermost;
  }
}
