package dev.po.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Internal: {@link Project#attach} on this machine (and, through ssh, by the po of another host).
 * The harness's own {@code attach} does the tmux part, so the socket and session names stay the
 * harness's business (it knows which socket it used).
 */
final class Attach {
  private Attach() {}

  static void run(Project project, String agent) {
    String name = project.name();
    HarnessStatus.Agent target = running(name, project.harnessStatus(), agent);
    List<String> argv = LocalHost.launcher(project);
    argv.add("attach");
    argv.add(target.name());
    Path root = project.root();
    if (argv.get(0).contains("/") && !Path.of(argv.get(0)).isAbsolute()) {
      argv.set(0, root.resolve(argv.get(0)).toString());
    }
    ProcessBuilder pb = new ProcessBuilder(argv).directory(root.toFile()).inheritIO();
    pb.environment().putAll(project.lifecycle().environment());
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

  /**
   * The agent to attach to, as {@code status} records it: the one named, or the only one; refused
   * in one line when there is none such or it is not running. Wherever the project lives.
   */
  static HarnessStatus.Agent running(String name, HarnessStatus status, String agent) {
    HarnessStatus.Agent target = choose(name, status, agent);
    if (!target.alive()) {
      throw new ProjectException("project " + name + ": agent " + target.name() + " is not running ("
          + target.stateNow() + "); start it with po start " + name);
    }
    return target;
  }

  private static HarnessStatus.Agent choose(String name, HarnessStatus status, String agent) {
    List<String> names = status.agents().stream().map(HarnessStatus.Agent::name).toList();
    if (names.isEmpty()) {
      throw new ProjectException("project " + name + ": no agent has run yet; start it with po start " + name);
    }
    if (agent == null) {
      if (names.size() > 1) {
        throw new ProjectException("project " + name + " has several agents; name one: " + String.join(", ", names));
      }
      return status.agents().get(0);
    }
    return status.agent(agent).orElseThrow(() -> new ProjectException(
        "project " + name + " has no agent '" + agent + "' (its agents: " + String.join(", ", names) + ")"));
  }
}
