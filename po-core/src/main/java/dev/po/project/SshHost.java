package dev.po.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.po.PoException;
import dev.po.fleet.Fleet;
import dev.po.fleet.HostEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

/**
 * Another host, driven through the operator's {@code ssh}: one request per command for all of the
 * host's projects, run by the po jar that is copied to {@code ~/.cache/po/<hash>/} there the first
 * time. The remote command line is fixed text with nothing of the registry in it; locations, refs
 * and everything else travel as JSON on stdin. Host-key checking is ssh's, never turned off.
 */
final class SshHost {
  /** The exit status of the remote script when a tool is missing; its stderr names it. */
  private static final int MISSING_TOOL = 96;
  /** The exit status of the remote script when the po jar of this hash is not there yet. */
  private static final int NO_JAR = 97;

  private final Fleet fleet;
  private final HostEntry host;

  SshHost(Fleet fleet, HostEntry host) {
    this.fleet = fleet;
    this.host = host;
  }

  String name() {
    return host.name();
  }

  /**
   * Sends {@code request} and returns the far side's answer; throws {@link HostException} with
   * one line (the ssh error, a missing tool, the far side's complaint) when there is none.
   */
  JsonNode call(byte[] request, Duration work) {
    PoJar jar = PoJar.current();
    Outcome first = ssh(runScript(jar.hash), new ByteArrayInputStream(request), work);
    if (first.code == NO_JAR) {
      upload(jar);
      first = ssh(runScript(jar.hash), new ByteArrayInputStream(request), work);
    }
    if (first.code != 0) {
      throw new HostException(host.name(), first.why());
    }
    try {
      return Wire.JSON.readTree(first.out);
    } catch (IOException e) {
      throw new HostException(host.name(), "unreadable answer from po there: " + e.getMessage());
    }
  }

  /**
   * Starts a conversation: sends {@code request} and reads the far side's first answer, which
   * {@link Session#read()} returns first. Copies the jar there first when it is missing.
   */
  Session open(byte[] request, Duration work) {
    PoJar jar = PoJar.current();
    Session s = new Session(request, work, jar);
    if (s.noJar) {
      upload(jar);
      s = new Session(request, work, jar);
    }
    return s;
  }

  /**
   * One ssh process spoken to in lines of JSON, for an operation that needs this side's word in
   * the middle (an update waits for the registry). zt-exec runs a program to its end; this one is
   * a conversation, so it runs on a plain {@link Process}, stopped after the connect timeout plus
   * {@code work} whatever happens.
   */
  final class Session implements AutoCloseable {
    private final Process process;
    private final java.io.BufferedReader out;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread errPump;
    private JsonNode pending;
    private boolean noJar;

    private Session(byte[] request, Duration work, PoJar jar) {
      try {
        process = new ProcessBuilder(argv(runScript(jar.hash))).start();
      } catch (IOException e) {
        throw new HostException(host.name(), "cannot run ssh: " + e.getMessage());
      }
      errPump = new Thread(() -> {
        try (InputStream e = process.getErrorStream()) {
          e.transferTo(err);
        } catch (IOException ignored) {
          // the process is gone; what it said is in err
        }
      }, "po-ssh-stderr");
      errPump.setDaemon(true);
      errPump.start();
      long limit = TimeUnit.SECONDS.toMillis(fleet.defaults().connectTimeoutSeconds()) + work.toMillis();
      Thread reaper = new Thread(() -> {
        try {
          if (!process.waitFor(limit, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
          }
        } catch (InterruptedException ignored) {
          process.destroyForcibly();
        }
      }, "po-ssh-deadline");
      reaper.setDaemon(true);
      reaper.start();
      out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      try {
        process.getOutputStream().write(request);
        process.getOutputStream().flush();
      } catch (IOException e) {
        // ssh ended before reading: its exit status and stderr say why
      }
      try {
        pending = next();
      } catch (HostException e) {
        if (process.exitValue() != NO_JAR) {
          throw e;
        }
        noJar = true;
      }
    }

    /** The far side's next answer; throws {@link HostException} when it ended without one. */
    JsonNode read() {
      if (pending != null) {
        JsonNode first = pending;
        pending = null;
        return first;
      }
      return next();
    }

    private JsonNode next() {
      String line;
      try {
        line = out.readLine();
      } catch (IOException e) {
        line = null;
      }
      if (line == null) {
        int code;
        try {
          code = process.waitFor();
          errPump.join(5000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new HostException(host.name(), "interrupted");
        }
        throw new HostException(host.name(), new Outcome(code, new byte[0], err.toString(StandardCharsets.UTF_8)).why());
      }
      try {
        return Wire.JSON.readTree(line);
      } catch (IOException e) {
        throw new HostException(host.name(), "unreadable answer from po there: " + e.getMessage());
      }
    }

    /** Sends one word on its own line. */
    void say(String word) {
      try {
        process.getOutputStream().write((word + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
      } catch (IOException e) {
        throw new HostException(host.name(), "the connection ended: " + e.getMessage());
      }
    }

    @Override
    public void close() {
      try {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (IOException e) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  private void upload(PoJar jar) {
    try (InputStream in = Files.newInputStream(jar.file)) {
      Outcome up = ssh(uploadScript(jar.hash), in, Duration.ofMinutes(5));
      if (up.code != 0) {
        throw new HostException(host.name(), "cannot copy po there: " + up.why());
      }
    } catch (IOException e) {
      throw new PoException("cannot read " + jar.file + ": " + e.getMessage(), e);
    }
  }

  private static String runScript(String hash) {
    return "for t in java git tmux; do command -v \"$t\" >/dev/null 2>&1"
        + " || { echo \"no $t on PATH\" >&2; exit " + MISSING_TOOL + "; }; done; "
        + "d=\"$HOME/.cache/po/" + hash + "\"; "
        + "[ -f \"$d/po.jar\" ] || exit " + NO_JAR + "; "
        // the first run there records a class-data archive of what po loads, which later runs
        // map (a third of the start-up); written beside and renamed, as the jar is
        + "if [ -f \"$d/po.jsa\" ]; then cds=\"-XX:SharedArchiveFile=$d/po.jsa\";"
        + " else cds=\"-XX:ArchiveClassesAtExit=$d/po.jsa.$$\"; fi; "
        // a non-interactive login often has no locale: without one, Java cannot name a
        // non-ASCII path
        + "export LC_ALL=C.UTF-8; "
        + "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off $cds"
        + " -cp \"$d/po.jar\" " + FarSide.class.getName() + "; rc=$?; "
        + "[ -f \"$d/po.jsa.$$\" ] && mv -f \"$d/po.jsa.$$\" \"$d/po.jsa\"; exit $rc";
  }

  /** Written beside and renamed, so that a copy cut short is never taken for the jar. */
  private static String uploadScript(String hash) {
    return "umask 077; d=\"$HOME/.cache/po/" + hash + "\"; mkdir -p \"$d\""
        + " && cat > \"$d/po.jar.$$\" && mv -f \"$d/po.jar.$$\" \"$d/po.jar\"";
  }

  private List<String> argv(String script) {
    List<String> argv = new ArrayList<>(List.of("ssh"));
    fleet.sshConfigOf(host).ifPresent(f -> {
      argv.add("-F");
      argv.add(f.toString());
    });
    argv.addAll(List.of("-T", "-o", "BatchMode=yes",
        "-o", "ConnectTimeout=" + fleet.defaults().connectTimeoutSeconds(), "--", host.ssh(), script));
    return argv;
  }

  private static record Outcome(int code, byte[] out, String err) {
    String why() {
      String line = err.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse("");
      return line.isEmpty() ? "exit status " + code : line;
    }
  }

  private Outcome ssh(String script, InputStream stdin, Duration work) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long limit = TimeUnit.SECONDS.toMillis(fleet.defaults().connectTimeoutSeconds()) + work.toMillis();
    try {
      ProcessResult r = new ProcessExecutor()
          .command(argv(script))
          .redirectInput(stdin)
          .readOutput(true)
          .redirectError(err)
          .exitValueAny()
          .timeout(limit, TimeUnit.MILLISECONDS)
          .destroyOnExit()
          .execute();
      return new Outcome(r.getExitValue(), r.output(), err.toString(StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      throw new HostException(host.name(), "no answer within " + limit / 1000 + " s");
    } catch (IOException e) {
      throw new HostException(host.name(), "cannot run ssh: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HostException(host.name(), "interrupted");
    }
  }
}
