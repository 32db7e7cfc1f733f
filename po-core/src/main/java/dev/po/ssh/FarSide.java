package dev.po.ssh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.po.PoException;
import dev.po.fleet.Finding;
import dev.po.host.Host;
import dev.po.host.Hosts;
import dev.po.host.LogsRequest;
import dev.po.host.Target;
import dev.po.host.UpdateRequest;
import dev.po.project.ProjectException;
import dev.po.project.ProjectStatus;
import dev.po.project.UpdateResult;
import dev.po.project.Verb;
import dev.po.wire.Op;
import dev.po.wire.Wire;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Internal: the po that another host runs for a po driving it over ssh. It reads one request (the
 * JSON of {@code Wire}) on stdin, acts on that host's projects with the same code as a local po
 * (this machine's {@link Host}), prints one JSON answer on stdout and exits 0; a request it cannot read
 * exits 2 with one line on stderr. A followed log answers a line at a time until stdin ends; an
 * attachment gets its request in the command line, since its stdin is a terminal. It writes
 * nothing of its own anywhere: the one rule holds on every host.
 */
public final class FarSide {
  private FarSide() {}

  /** The first argument of a request that comes in the command line, for a terminal (see {@link SshLink#terminal}). */
  static final String TERMINAL = "--terminal";

  public static void main(String[] args) throws IOException {
    if (args.length == 2 && args[0].equals(TERMINAL)) {
      System.exit(terminal(args[1]));
      return;
    }
    BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    JsonNode in;
    try {
      String first = lines.readLine();
      if (first == null) {
        throw new IOException("no request");
      }
      in = Wire.JSON.readTree(first);
    } catch (IOException e) {
      System.err.println("po far side: cannot read the request: " + e.getMessage());
      System.exit(2);
      return;
    }
    ObjectNode answer;
    try {
      Wire.Request r = Wire.readRequest(in, home());
      if (r.op() == Op.FOLLOW) {
        follow(r, lines);
        System.exit(0);
        return;
      }
      answer = answer(r, lines);
    } catch (RuntimeException e) {
      System.err.println("po far side: " + e.getMessage());
      System.exit(2);
      return;
    }
    say(answer);
    System.exit(0);
  }

  private static Path home() {
    return Path.of(System.getProperty("user.home"));
  }

  /**
   * A request with this process's terminal (stdin is the operator's keyboard): attach, as a po
   * here would. Says what went wrong on the terminal, in one line, and exits 1.
   */
  private static int terminal(String encoded) {
    try {
      Wire.Request r = Wire.readRequest(Wire.JSON.readTree(java.util.Base64.getUrlDecoder().decode(encoded)), home());
      if (r.op() != Op.ATTACH) {
        throw new PoException("unknown operation '" + r.op().word() + "' with a terminal");
      }
      here(r).attach(target(r), r.json().path("agent").asText());
      return 0;
    } catch (IOException | RuntimeException e) {
      System.err.println("po: " + e.getMessage());
      return 1;
    }
  }

  /** This machine, whose projects the request names. */
  private static Host here(Wire.Request r) {
    return Hosts.here(r.fleet());
  }

  /** The one project of a request about one, with the launchers' settings it carries. */
  private static Target target(Wire.Request r) {
    return new Target(r.fleet(), r.items().get(0).entry(), r.settings());
  }

  /** The logs a request asks for: one agent's or every agent's, so many last lines. */
  private static LogsRequest logs(Wire.Request r) {
    return new LogsRequest(target(r), r.text("agent"), r.json().path("lines").asInt(10));
  }

  /**
   * Prints the chosen logs' last lines, then each new line, one JSON object a line, until stdin
   * ends: the other side closing it, or its ssh ending, which is how the other side says stop.
   * Nothing of this request outlives the connection.
   */
  private static void follow(Wire.Request r, BufferedReader lines) {
    onEnd(lines, () -> System.exit(0));
    try {
      here(r).follow(logs(r), line -> {
        say(Wire.line(line));
        if (System.out.checkError()) {
          // stdout is gone with the connection, even if stdin has not said so yet
          System.exit(0);
        }
      }, () -> say(Wire.JSON.createObjectNode().put("following", true)));
    } catch (PoException e) {
      say(Wire.failure(e));
    }
  }

  /**
   * Runs {@code then} when stdin ends after the request: the other side closing it, or its ssh
   * ending. Nothing is said on stdin meanwhile; a line is ignored, the end is what counts.
   */
  private static void onEnd(BufferedReader lines, Runnable then) {
    Thread watcher = new Thread(() -> {
      try {
        while (lines.readLine() != null) {
          // read on to the end
        }
      } catch (IOException ended) {
        // the same: the connection is gone
      }
      then.run();
    }, "po-far-side-stdin");
    watcher.setDaemon(true);
    watcher.start();
  }

  static ObjectNode answer(Wire.Request r, BufferedReader lines) {
    ObjectNode answer = Wire.JSON.createObjectNode();
    switch (r.op()) {
      case STATUS -> {
        ArrayNode a = answer.putArray("statuses");
        List<ProjectStatus> all = here(r).status(r.fleet().projects());
        all.forEach(s -> a.add(Wire.status(s)));
      }
      case START, STOP -> {
        // The asking po holds stdin open until it has the answer: its end before then means that
        // po is gone (killed: its ssh ends). Stop at once, as a po killed here would: launchers
        // already at work finish, the rest give up (they know this process as their caller).
        onEnd(lines, () -> Runtime.getRuntime().halt(1));
        Verb verb = r.op() == Op.START ? Verb.START : Verb.STOP;
        ArrayNode a = answer.putArray("results");
        here(r).launchAll(verb, r.items(), r.settings(), true, x -> {}).forEach(x -> a.add(Wire.result(x)));
      }
      case HARNESS -> {
        try {
          answer.set("harness", Wire.harness(here(r).harnessStatus(target(r))));
        } catch (PoException e) {
          return Wire.failure(e);
        }
      }
      case LOGS -> {
        try {
          ArrayNode a = answer.putArray("lines");
          here(r).logs(logs(r)).forEach(l -> a.add(Wire.line(l)));
        } catch (PoException e) {
          return Wire.failure(e);
        }
      }
      case CHECK -> {
        ArrayNode a = answer.putArray("findings");
        for (Finding f : r.fleet().checkHere()) {
          a.addObject().put("project", f.project()).put("key", f.key()).put("message", f.message());
        }
      }
      case UPDATE -> update(r, lines, answer);
      case CREATE -> create(r, lines, answer);
      default -> throw new PoException("unknown operation '" + r.op().word() + "'");
    }
    return answer;
  }

  /**
   * Pins the project as a local update does, then asks the other side to record the ref: on
   * {@code commit} it is done; on anything else (or the connection's end) it is put back.
   */
  private static void update(Wire.Request r, BufferedReader lines, ObjectNode answer) {
    Target p = target(r);
    String ref = r.json().path("ref").asText();
    ProjectException[] aborted = new ProjectException[1];
    UpdateRequest u = new UpdateRequest(p, ref, r.json().path("restart").asBoolean(), unused -> {
      say(Wire.JSON.createObjectNode().put("pinned", true));
      String word;
      try {
        word = lines.readLine();
      } catch (IOException e) {
        word = null;
      }
      if (!"commit".equals(word)) {
        aborted[0] = new ProjectException("project " + p.name() + ": the registry did not record " + ref);
        throw aborted[0];
      }
    });
    try {
      UpdateResult done = here(r).update(u);
      answer.set("result", Wire.updated(done));
    } catch (PoException e) {
      // put back as it was: the abort itself comes through unchanged; a failed restore wraps it
      if (e == aborted[0]) {
        answer.put("restored", true);
      } else {
        answer.setAll(Wire.failure(e));
      }
    }
  }

  /** Makes the project as a local create does; registering asks the other side, as update does. */
  private static void create(Wire.Request r, BufferedReader lines, ObjectNode answer) {
    ProjectException[] aborted = new ProjectException[1];
    try {
      answer.set("result", Wire.created(here(r).create(RemoteCreate.farSide(r, root -> {
        aborted[0] = waitForCommit(lines, "project " + r.json().path("name").asText() + ": the registry did not record it");
        if (aborted[0] != null) {
          throw aborted[0];
        }
      }))));
    } catch (PoException e) {
      if (e == aborted[0]) {
        answer.put("restored", true);
      } else {
        answer.setAll(Wire.failure(e));
      }
    }
  }

  /** Says the work is ready to record and waits for the word; returns the refusal, or null on commit. */
  private static ProjectException waitForCommit(BufferedReader lines, String refusal) {
    say(Wire.JSON.createObjectNode().put("ready", true));
    String word;
    try {
      word = lines.readLine();
    } catch (IOException e) {
      word = null;
    }
    return "commit".equals(word) ? null : new ProjectException(refusal);
  }

  private static void say(JsonNode line) {
    byte[] b = Wire.bytes(line);
    synchronized (System.out) {
      System.out.write(b, 0, b.length);
      System.out.flush();
    }
  }
}
