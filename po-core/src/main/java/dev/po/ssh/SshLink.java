package dev.po.ssh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.po.PoException;
import dev.po.fleet.Fleet;
import dev.po.fleet.HostEntry;
import dev.po.project.HostException;
import dev.po.wire.Wire;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

/**
 * The way to another host: the operator's {@code ssh}, running the po jar that is copied to
 * {@code ~/.cache/po/<hash>/} there the first time. The remote command line is fixed text with
 * nothing of the registry in it; locations, refs and everything else travel as JSON on stdin (or,
 * for a terminal, whose stdin is the operator's keyboard, as base64 that no shell reads anything
 * into). Host-key checking is ssh's, never turned off.
 */
final class SshLink {
  /** The exit status of the remote script when a tool is missing; its stderr names it. */
  private static final int MISSING_TOOL = 96;
  /** The exit status of the remote script when the po jar of this hash is not there yet. */
  private static final int NO_JAR = 97;

  private final Fleet fleet;
  private final HostEntry host;

  SshLink(Fleet fleet, HostEntry host) {
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
    Outcome first = ssh(runScript(jar.hash, ""), new ByteArrayInputStream(request), work);
    if (first.code == NO_JAR) {
      upload(jar);
      first = ssh(runScript(jar.hash, ""), new ByteArrayInputStream(request), work);
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
   * {@link Session#read()} returns first. Copies the jar there first when it is missing. With a
   * {@code work} time the ssh process is ended after the connect timeout plus that time whatever
   * happens; without one ({@code null}) it runs until closed, as a followed log does.
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
   * the middle (an update waits for the registry) or that goes on (a followed log). zt-exec runs
   * a program to its end; this one is a conversation, so it runs on a plain {@link Process}. Its
   * lines are read on a thread of their own, so that the caller waits for them interruptibly. A
   * po that exits meanwhile (Ctrl-C, SIGTERM) ends ssh on its way out, and the po there, reading
   * its stdin, sees the end and stops too: nothing is left running on the host.
   */
  final class Session implements AutoCloseable {
    /** Put on the queue when the far side's output ends. */
    private static final Object END = new Object();

    private final Process process;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread errPump;
    private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
    private final Thread onExit;
    /** The first answer, read to see whether the jar was there. */
    private Object pending;
    private boolean ended;
    private boolean noJar;

    private Session(byte[] request, Duration work, PoJar jar) {
      try {
        process = new ProcessBuilder(argv(false, runScript(jar.hash, ""))).start();
      } catch (IOException e) {
        throw new HostException(host.name(), "cannot run ssh: " + e.getMessage());
      }
      onExit = new Thread(process::destroy, "po-ssh-exit");
      Runtime.getRuntime().addShutdownHook(onExit);
      errPump = daemon("po-ssh-stderr", () -> {
        try (InputStream e = process.getErrorStream()) {
          e.transferTo(err);
        } catch (IOException ignored) {
          // the process is gone; what it said is in err
        }
      });
      daemon("po-ssh-stdout", () -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = out.readLine()) != null; ) {
            lines.add(line);
          }
        } catch (IOException ignored) {
          // ended: the exit status says how
        }
        lines.add(END);
      });
      if (work != null) {
        long limit = TimeUnit.SECONDS.toMillis(fleet.defaults().connectTimeoutSeconds()) + work.toMillis();
        daemon("po-ssh-deadline", () -> {
          try {
            if (!process.waitFor(limit, TimeUnit.MILLISECONDS)) {
              process.destroyForcibly();
            }
          } catch (InterruptedException ignored) {
            process.destroyForcibly();
          }
        });
      }
      try {
        process.getOutputStream().write(request);
        process.getOutputStream().flush();
      } catch (IOException e) {
        // ssh ended before reading: its exit status and stderr say why
      }
      Object first;
      try {
        first = lines.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
        throw new HostException(host.name(), "interrupted");
      }
      if (first == END && exitValue() == NO_JAR) {
        noJar = true;
        close();
        return;
      }
      pending = first;
    }

    /**
     * The far side's next answer; throws {@link HostException} when it ended without one, and
     * {@link InterruptedException} when the calling thread is interrupted while waiting.
     */
    JsonNode next() throws InterruptedException {
      Object line = pending != null ? pending : ended ? END : lines.take();
      pending = null;
      if (line == END) {
        ended = true;
        int code = exitValue();
        try {
          errPump.join(5000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new HostException(host.name(), new Outcome(code, new byte[0], err.toString(StandardCharsets.UTF_8)).why());
      }
      try {
        return Wire.JSON.readTree((String) line);
      } catch (IOException e) {
        throw new HostException(host.name(), "unreadable answer from po there: " + e.getMessage());
      }
    }

    /** {@link #next()} for a caller that is not interrupted: an interrupt ends the session. */
    JsonNode read() {
      try {
        return next();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
        throw new HostException(host.name(), "interrupted");
      }
    }

    private int exitValue() {
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        return -1;
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

    /** Ends ssh at once; the far side sees its stdin end and stops. */
    void kill() {
      process.destroyForcibly();
      forget();
    }

    /** Closes the far side's stdin, which ends it, and waits a while for ssh to end. */
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
      forget();
    }

    private void forget() {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException exiting) {
        // the JVM is on its way out and runs the hook itself
      }
    }
  }

  private static Thread daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Runs {@code request} on the host with this process's terminal ({@code ssh -t}) and returns
   * ssh's exit status (the far side's, or 255 when ssh itself failed, having said why on stderr).
   * The request travels as URL-safe base64 in the command line, since stdin is the terminal:
   * letters, digits, {@code -} and {@code _}, which no shell expands. Call {@link #call} first,
   * so that the jar is there.
   */
  int terminal(byte[] request) {
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(request);
    if (!encoded.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalStateException("base64 of a request is not plain: " + encoded);
    }
    PoJar jar = PoJar.current();
    ProcessBuilder pb = new ProcessBuilder(argv(true, runScript(jar.hash, " " + FarSide.TERMINAL + " " + encoded))).inheritIO();
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new HostException(host.name(), "cannot run ssh: " + e.getMessage());
    }
    Thread onExit = new Thread(p::destroy, "po-ssh-exit");
    Runtime.getRuntime().addShutdownHook(onExit);
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroy();
      throw new HostException(host.name(), "interrupted");
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException exiting) {
        // the JVM is on its way out and runs the hook itself
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

  /** {@code args} is fixed text of this class's, never anything of the registry's. */
  private static String runScript(String hash, String args) {
    return script("run.sh").replace("@MISSING_TOOL@", Integer.toString(MISSING_TOOL))
        .replace("@NO_JAR@", Integer.toString(NO_JAR)).replace("@HASH@", hash)
        .replace("@MAIN@", FarSide.class.getName()).replace("@ARGS@", args);
  }

  private static String uploadScript(String hash) {
    return script("upload.sh").replace("@HASH@", hash);
  }

  /** A shell script of this package's resources, its comment lines left out. */
  private static String script(String name) {
    try (InputStream in = SshLink.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("po-core lacks its resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.stripLeading().startsWith("#")).collect(java.util.stream.Collectors.joining("\n"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** ssh with the host's config, never asking, bounded connect; {@code -t} for a terminal. */
  private List<String> argv(boolean terminal, String script) {
    List<String> argv = new ArrayList<>(List.of("ssh"));
    fleet.sshConfigOf(host).ifPresent(f -> {
      argv.add("-F");
      argv.add(f.toString());
    });
    argv.addAll(List.of(terminal ? "-t" : "-T", "-o", "BatchMode=yes",
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
          .command(argv(false, script))
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
