package dev.po.local;

import dev.po.toml.TomlText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a new project starts with. They speak only of the project and its harness: a project
 * must run by hand on a host that has never heard of a fleet.
 */
final class ProjectFiles {
  private ProjectFiles() {}

  static Map<String, String> of(String name, String agent, List<String> command) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("agents.toml", agentsToml(agent, command));
    files.put("prompts/" + agent + ".md", role(name, agent));
    files.put(".gitignore", "# the harness's runtime state: logs, pids, status\n.ao-state/\n");
    files.put("README.md", readme(name, agent));
    return files;
  }

  private static String agentsToml(String agent, List<String> command) {
    StringBuilder s = new StringBuilder();
    s.append("# The agents engine/agents runs for this project, one table each.\n");
    s.append("# watch = \"heal\" restarts an agent that dies; \"off\" leaves it down.\n\n");
    s.append("[agents.").append(agent).append("]\n");
    s.append("prompt = \"prompts/").append(agent).append(".md\"\n");
    s.append("watch = \"heal\"\n");
    if (command.isEmpty()) {
      s.append("# command = [\"claude\"]   # argv to run; the harness runs claude when omitted\n");
    } else {
      s.append("command = [");
      for (int i = 0; i < command.size(); i++) {
        s.append(i == 0 ? "" : ", ").append(TomlText.string(command.get(i)));
      }
      s.append("]\n");
    }
    return s.toString();
  }

  private static String role(String name, String agent) {
    return "# " + agent + "\n\n"
        + "You are the " + agent + " of " + name + ".\n\n"
        + "Describe here what this agent works on, what it must not touch, and how it reports.\n";
  }

  private static String readme(String name, String agent) {
    return "# " + name + "\n\n"
        + "Agents run by the harness checked out in `engine/` (a git submodule), as listed in\n"
        + "`agents.toml`. The " + agent + "'s role is in `prompts/" + agent + ".md`.\n\n"
        + "## Running it by hand\n\n"
        + "```sh\n"
        + "git submodule update --init   # once, after cloning\n"
        + "engine/agents up              # start the agents and their watchdog\n"
        + "engine/agents status          # what runs, restarts, last exits\n"
        + "engine/agents attach " + agent + padding(agent) + "# watch it work (detach: C-b d)\n"
        + "engine/agents down            # stop everything\n"
        + "```\n\n"
        + "When the harness url in `.gitmodules` is a local path, git refuses it for submodules\n"
        + "(`transport 'file' not allowed`) unless told otherwise, once per command:\n"
        + "`git -c protocol.file.allow=always submodule update --init`.\n\n"
        + "Runtime state (logs, status) is kept in `.ao-state/`, which git ignores.\n\n"
        + "## Moving to another harness version\n\n"
        + "```sh\n"
        + "git -C engine fetch --tags && git -C engine checkout <tag>\n"
        + "git add engine && git commit -m \"Pin engine at <tag>\"\n"
        + "```\n";
  }

  /** Spaces that line the comment up with the others, at least one. */
  private static String padding(String agent) {
    return " ".repeat(Math.max(1, 9 - agent.length()));
  }
}
