package dev.agentorchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** Reads {@code agents.toml}; every problem is reported as {@code agents.toml:LINE:COL: message}. */
final class AgentsFile {

  static final String NAME = "agents.toml";
  private static final Set<String> KEYS = Set.of("prompt", "command", "watch");

  private final Path root;
  private final List<String> problems = new ArrayList<>();

  private AgentsFile(Path root) {
    this.root = root;
  }

  /** Parses the file in {@code root}; throws with all problems, one per line. */
  static List<AgentSpec> read(Path root) {
    Path file = root.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      throw new HarnessException(NAME + ": not found in " + root + " (run from the project root)");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new HarnessException(NAME + ": cannot read: " + e.getMessage());
    }
    return parse(root, text);
  }

  static List<AgentSpec> parse(Path root, String text) {
    AgentsFile reader = new AgentsFile(root);
    List<AgentSpec> agents = reader.agents(Toml.parse(text));
    if (!reader.problems.isEmpty()) {
      throw new HarnessException(String.join(System.lineSeparator(), reader.problems));
    }
    return agents;
  }

  private List<AgentSpec> agents(TomlParseResult toml) {
    List<AgentSpec> agents = new ArrayList<>();
    toml.errors().forEach(e -> problem(e.position(), e.getMessage()));
    if (toml.hasErrors()) {
      return agents;
    }
    for (String key : toml.keySet()) {
      if (!key.equals("agents")) {
        problem(toml.inputPositionOf(List.of(key)), "unknown key '" + key + "' (expected [agents.NAME] tables)");
      }
    }
    Object section = toml.get(List.of("agents"));
    if (section == null) {
      problem(TomlPosition.positionAt(1, 1), "no agents: add an [agents.NAME] table");
      return agents;
    }
    if (!(section instanceof TomlTable)) {
      problem(toml.inputPositionOf(List.of("agents")), "'agents' must be a table of [agents.NAME] tables");
      return agents;
    }
    TomlTable table = (TomlTable) section;
    for (String name : table.keySet()) {
      TomlPosition at = table.inputPositionOf(List.of(name));
      Object value = table.get(List.of(name));
      if (!(value instanceof TomlTable)) {
        problem(at, "agents." + name + " must be a table");
      } else if (!name.matches("[A-Za-z0-9_-]+")) {
        problem(at, "agent name '" + name + "' may only use letters, digits, '_' and '-'");
      } else {
        AgentSpec agent = agent(name, at, (TomlTable) value);
        if (agent != null) {
          agents.add(agent);
        }
      }
    }
    if (table.isEmpty()) {
      problem(toml.inputPositionOf(List.of("agents")), "no agents: add an [agents.NAME] table");
    }
    return agents;
  }

  private AgentSpec agent(String name, TomlPosition at, TomlTable table) {
    int before = problems.size();
    for (String key : table.keySet()) {
      if (!KEYS.contains(key)) {
        String hint = key.equals("wake") ? " (agents are never woken on a timer)" : " (expected prompt, command, watch)";
        problem(table.inputPositionOf(List.of(key)), "unknown key '" + key + "' in agents." + name + hint);
      }
    }
    Path role = null;
    Object prompt = table.get(List.of("prompt"));
    if (prompt == null) {
      problem(at, "agents." + name + ": 'prompt' (the role file) is required");
    } else if (!(prompt instanceof String) || ((String) prompt).isBlank()) {
      problem(table.inputPositionOf(List.of("prompt")), "agents." + name + ".prompt must be a file path string");
    } else {
      role = root.resolve((String) prompt).normalize();
      if (Files.isDirectory(role)) {
        problem(table.inputPositionOf(List.of("prompt")), "agents." + name + ".prompt: '" + prompt + "' is a folder, not a role file");
      } else if (!Files.isRegularFile(role)) {
        problem(table.inputPositionOf(List.of("prompt")), "agents." + name + ".prompt: role file '" + prompt + "' does not exist");
      }
    }
    List<String> command = List.of();
    Object cmd = table.get(List.of("command"));
    if (cmd != null) {
      command = command(name, table.inputPositionOf(List.of("command")), cmd);
    }
    AgentSpec.Watch watch = AgentSpec.Watch.HEAL;
    Object w = table.get(List.of("watch"));
    if (w != null) {
      if ("heal".equals(w)) {
        watch = AgentSpec.Watch.HEAL;
      } else if ("off".equals(w)) {
        watch = AgentSpec.Watch.OFF;
      } else {
        problem(table.inputPositionOf(List.of("watch")), "agents." + name + ".watch must be \"heal\" or \"off\", not " + shown(w));
      }
    }
    return problems.size() == before ? new AgentSpec(name, role, command, watch) : null;
  }

  private List<String> command(String name, TomlPosition at, Object value) {
    if (!(value instanceof TomlArray) || ((TomlArray) value).isEmpty()) {
      problem(at, "agents." + name + ".command must be a non-empty array of strings, like [\"claude\"]");
      return List.of();
    }
    TomlArray array = (TomlArray) value;
    List<String> argv = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object element = array.get(i);
      if (!(element instanceof String)) {
        problem(array.inputPositionOf(i), "agents." + name + ".command[" + i + "] must be a string, not " + shown(element));
        return List.of();
      }
      argv.add((String) element);
    }
    return argv;
  }

  private static String shown(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }

  private void problem(TomlPosition at, String message) {
    TomlPosition p = at == null ? TomlPosition.positionAt(1, 1) : at;
    problems.add(NAME + ":" + p.line() + ":" + p.column() + ": " + message);
  }
}
