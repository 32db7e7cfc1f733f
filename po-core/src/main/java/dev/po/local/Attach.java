package dev.po.local;

import dev.po.host.Target;
import dev.po.project.HarnessStatus;
import dev.po.project.ProjectException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An attachment on this machine (and, through ssh, by the po of another host).
 * The harness's own {@code attach} does the tmux part, so the socket and session names stay the
 * harness's business (it knows which socket it used).
 */
final class Attach {
  private Attach() {}

  static void run(LocalHost host, Target project, String agent) {
    String name = project.name();
    HarnessStatus.Agent target = host.harnessStatus(project).running(name, agent);
    List<String> argv = LocalHost.launcher(project);
    argv.add("attach");
    argv.add(target.name());
    Path root = project.root();
    if (argv.get(0).contains("/") && !Path.of(argv.get(0)).isAbsolute()) {
      argv.set(0, root.resolve(argv.get(0)).toString());
    }
    ProcessBuilder pb = new ProcessBuilder(argv).directory(root.toFile()).inheritIO();
    pb.environment().putAll(project.settings().environment());
    int code;
    try {
      code = pb.start().waitFor();
    } catch (IOException e) {
      throw new ProjectException("project " + name + ": cannot run " + String.join(" ", argv) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProjectException("project " + name + ": interrupted while attached to " + target.name(), e);
    }
    if (code != 0) {
      throw new ProjectException("project " + name + ": attaching to agent " + target.name() + " failed (exit "
          + code + " from " + String.join(" ", argv) + ")");
    }
  }
}
