package dev.agentorchestrator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a project's agents run, as {@code up} recorded it in {@code .ao-state/tmux.json}: the
 * project's identity, the tmux socket, and each agent's session. Every verb acts on what is recorded
 * rather than on the current environment, so that a different AO_TMUX_SOCKET or a moved folder
 * cannot make the harness look in the wrong place and report "stopped".
 *
 * <p>Session names are {@code <label>-<agent>-<project>}: the label (the folder's name when the
 * project was first started) keeps them readable, and the project's random identity, of fixed length
 * at the end, makes them differ from every other project's. Each session also carries its owner in
 * the tmux option {@code @ao-project}, and the harness touches no session owned by another.
 *
 * @param project the project's identity: 8 lower-case hex digits, drawn at the first {@code up}
 * @param label the folder name at the first {@code up}, reduced to {@code [A-Za-z0-9_-]}
 * @param root the project root when last started
 * @param folder the root folder's identity on its file system ({@code device:inode}) when last
 *     started, or null in a record of an earlier harness: a folder moved in place keeps it, a copy
 *     ({@code cp -a}, or a move to another file system) has another, so that a record copied along
 *     with a folder is known for one made for another project
 * @param socket the tmux socket ({@code tmux -L}), or null for the default server
 * @param agents by agent name: its session and watch mode, in the order they were recorded
 */
record TmuxRecord(String project, String label, Path root, String folder, String socket, Map<String, Agent> agents) {

  static final String FILE = "tmux.json";

  /**
   * Made at the first identity drawn, by {@code up}: a watchdog never draws one, and loading the
   * security providers behind {@link SecureRandom} would cost each watchdog its classes for weeks.
   */
  private static final class Random {
    static final SecureRandom SOURCE = new SecureRandom();
  }

  /** One recorded agent. */
  record Agent(String session, AgentSpec.Watch watch) {
    Agent {
      Objects.requireNonNull(session, "session");
      Objects.requireNonNull(watch, "watch");
    }
  }

  TmuxRecord {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(root, "root");
    if (!project.matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException("project identity (" + project + ") must be 8 hex digits");
    }
    if (!label.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("label (" + label + ") must match [A-Za-z0-9_-]+");
    }
    socket = socket == null || socket.isBlank() ? null : socket;
    agents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(agents));
  }

  /** A new identity for the project at {@code root}, on {@code socket}, with no agents yet. */
  static TmuxRecord fresh(Path root, String socket) {
    byte[] id = new byte[4];
    Random.SOURCE.nextBytes(id);
    Path folder = root.getFileName();
    return new TmuxRecord(HexFormat.of().formatHex(id), label(folder == null ? "root" : folder.toString()), root, folderOf(root),
        socket, Map.of());
  }

  /** The identity of the folder {@code dir} on its file system, {@code device:inode}; null where there is none to read. */
  static String folderOf(Path dir) {
    try {
      Map<String, Object> a = Files.readAttributes(dir, "unix:dev,ino");
      return a.get("dev") + ":" + a.get("ino");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Whether this record was made for the folder {@code dir}, where it was read: the same folder,
   * perhaps moved, rather than a copy of another project's that came along with its files. A record
   * of an earlier harness has no folder identity; its copy is told by the recorded root still
   * holding the same project identity.
   */
  boolean madeFor(Path dir) {
    String now = folderOf(dir);
    if (folder != null && now != null) {
      return folder.equals(now);
    }
    if (root.equals(dir) || !Files.isDirectory(root.resolve(".ao-state"))) {
      return true;
    }
    TmuxRecord there = read(root.resolve(".ao-state"));
    return there == null || !there.project().equals(project);
  }

  /** A folder name reduced to what tmux and a shell take without quoting. */
  static String label(String folder) {
    String label = folder.replaceAll("[^A-Za-z0-9_-]", "-");
    return label.isEmpty() ? "root" : label;
  }

  /**
   * The session of {@code agent} in the project {@code project} labelled {@code label}. Two projects
   * never share a name: the identity has a fixed length at the end, and within one project the
   * label is fixed, so the agent name decides.
   */
  static String sessionName(String label, String agent, String project) {
    return label + "-" + agent + "-" + project;
  }

  /** The session of {@code agent}: the recorded one, else the one {@code up} would record. */
  String sessionOf(String agent) {
    Agent a = agents.get(agent);
    return a != null ? a.session() : sessionName(label, agent, project);
  }

  /** Whether {@code pane} belongs to this project. */
  boolean owns(Tmux.Pane pane) {
    return pane != null && project.equals(pane.owner());
  }

  TmuxRecord withAgent(String name, String session, AgentSpec.Watch watch) {
    Map<String, Agent> more = new LinkedHashMap<>(agents);
    more.put(name, new Agent(session, watch));
    return new TmuxRecord(project, label, root, folder, socket, more);
  }

  /** The record at {@code newRoot} (its folder identity read again) on {@code newSocket}. */
  TmuxRecord withPlace(Path newRoot, String newSocket) {
    return new TmuxRecord(project, label, newRoot, folderOf(newRoot), newSocket, agents);
  }

  /** The record in {@code stateDir}, or null when there is none or it cannot be read. */
  static TmuxRecord read(Path stateDir) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(stateDir.resolve(FILE));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new HarnessException("cannot read " + stateDir.resolve(FILE) + ": " + e.getMessage());
    }
    String project = null;
    String label = null;
    String root = null;
    String folder = null;
    String socket = null;
    Map<String, Agent> agents = new LinkedHashMap<>();
    try (JsonParser p = StateStore.JSON.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "project" -> project = p.getText();
          case "label" -> label = p.getText();
          case "root" -> root = p.getText();
          case "folder" -> folder = t == JsonToken.VALUE_NULL ? null : p.getText();
          case "socket" -> socket = t == JsonToken.VALUE_NULL ? null : p.getText();
          case "agents" -> {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String name = p.currentName();
              p.nextToken();
              String session = null;
              AgentSpec.Watch watch = AgentSpec.Watch.HEAL;
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("session")) {
                  session = p.getText();
                } else if (f.equals("watch")) {
                  watch = "off".equals(p.getText()) ? AgentSpec.Watch.OFF : AgentSpec.Watch.HEAL;
                } else {
                  p.skipChildren();
                }
              }
              agents.put(name, new Agent(session, watch));
            }
          }
          default -> p.skipChildren();
        }
      }
      return new TmuxRecord(project, label, Path.of(root), folder, socket, agents);
    } catch (IOException | RuntimeException e) {
      // a torn or hand-edited record: the caller starts a new one, and up reports it
      return null;
    }
  }

  void write(Path stateDir) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = StateStore.JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("project", project);
      g.writeStringField("label", label);
      g.writeStringField("root", root.toString());
      g.writeStringField("folder", folder);
      g.writeStringField("socket", socket);
      g.writeObjectFieldStart("agents");
      for (Map.Entry<String, Agent> e : agents.entrySet()) {
        g.writeObjectFieldStart(e.getKey());
        g.writeStringField("session", e.getValue().session());
        g.writeStringField("watch", e.getValue().watch().label());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Project.writeAtomically(stateDir.resolve(FILE), out + "\n");
  }
}
