package dev.po.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real ssh "hosts" for tests: an OpenSSH {@code sshd} per host, on a loopback address and a port
 * chosen at run time, each started in its own mount namespace with a tmpfs over its projects
 * folder, so that what a test makes there cannot be seen from the test's side; the only way in is
 * over ssh. Hosts {@code hosta} (127.0.0.2) and {@code hostb} (127.0.0.3) answer ({@code barehost}
 * is hosta with a PATH that finds neither java, git nor tmux); {@code deadhost}
 * (127.0.0.4) refuses connections and {@code silenthost} (127.0.0.5) accepts them and never speaks.
 * One ssh config file ({@link #sshConfig()}) names them all, with a key and a known_hosts file of
 * its own: host-key checking stays on. Each host's {@code ~/.cache/po} is a folder of the fixture
 * ({@link #cache}), so tests never fill the real one. Closing ends every sshd it started.
 *
 * <p>Needs root, {@code unshare} and {@code sshd} (Debian's openssh-server, or on {@code PATH}).
 */
public final class SshHosts implements AutoCloseable {
  /** The hosts that answer. */
  public static final List<String> LIVE = List.of("hosta", "hostb");

  /**
   * One host.
   *
   * @param name its name in the ssh config
   * @param address its loopback address
   * @param port its port
   * @param projectsDir the folder only that host sees (a tmpfs in its mount namespace)
   */
  public record Host(String name, String address, int port, Path projectsDir) {}

  /** Where po keeps its jar on a host; each test host sees a folder of the fixture's there. */
  private static final Path HOME_CACHE = Path.of(System.getProperty("user.home"), ".cache", "po");

  private final Path dir;
  private final Map<String, Host> hosts = new LinkedHashMap<>();
  private final List<Process> daemons = new ArrayList<>();
  /** Each live host's sshd, by host name (barehost is hosta's). */
  private final Map<String, Process> sshd = new LinkedHashMap<>();
  private ServerSocket silent;

  private SshHosts(Path dir) {
    this.dir = dir;
  }

  /** Whether this machine can run the fixture (root, unshare and sshd). */
  public static boolean available() {
    return sshd() != null && onPath("unshare") != null && "root".equals(System.getProperty("user.name"));
  }

  /**
   * The sshd program by its absolute path (sshd re-executes itself by it): Debian's {@code
   * /usr/sbin/sshd}, else the first on {@code PATH} (a Nix shell's); null where there is none.
   */
  static Path sshd() {
    Path debian = Path.of("/usr/sbin/sshd");
    return Files.isExecutable(debian) ? debian : onPath("sshd");
  }

  private static Path onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(d.isEmpty() ? "." : d, program).toAbsolutePath();
      if (Files.isExecutable(p) && !Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Skips the calling test where the fixture cannot run, except on CI ({@code CI=true}), which
   * installs openssh-server: there a missing sshd fails the test instead of hiding it.
   */
  public static void assumeAvailable() {
    if ("true".equals(System.getenv("CI"))) {
      if (!available()) {
        throw new IllegalStateException("CI must provide root, unshare and sshd (.ci/run installs openssh-server)");
      }
      return;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(available(), "needs root, unshare and sshd");
  }

  /** Starts the hosts with their keys and configuration in {@code dir}. */
  public static SshHosts start(Path dir) {
    SshHosts h = new SshHosts(dir);
    try {
      h.run();
      return h;
    } catch (IOException e) {
      h.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      h.close();
      throw e;
    }
  }

  private void run() throws IOException {
    Files.createDirectories(dir);
    Files.createDirectories(Path.of("/run/sshd"));
    Path hostKey = dir.resolve("host_key");
    Path clientKey = dir.resolve("client_key");
    local("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
    local("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", clientKey.toString());
    // a second key whose logins get a PATH without java, git or tmux
    Path bareKey = dir.resolve("bare_key");
    local("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", bareKey.toString());
    Files.writeString(dir.resolve("bare_keys"),
        "environment=\"PATH=/nonexistent\" " + Files.readString(dir.resolve("bare_key.pub")));
    String hostPub = Files.readString(dir.resolve("host_key.pub")).trim();
    StringBuilder known = new StringBuilder();
    StringBuilder config = new StringBuilder();
    String[][] live = {{"hosta", "127.0.0.2"}, {"hostb", "127.0.0.3"}};
    for (String[] l : live) {
      int port = freePort(l[1]);
      Path projects = Files.createDirectories(dir.resolve(l[0]).resolve("projects"));
      Host host = new Host(l[0], l[1], port, projects);
      hosts.put(host.name(), host);
      Path sshdConfig = dir.resolve(l[0]).resolve("sshd_config");
      Files.writeString(
          sshdConfig,
          "ListenAddress " + l[1] + ":" + port + "\n"
              + "HostKey " + hostKey + "\n"
              + "AuthorizedKeysFile " + clientKey + ".pub " + dir.resolve("bare_keys") + "\n"
              + "PasswordAuthentication no\n"
              + "KbdInteractiveAuthentication no\n"
              + "PermitRootLogin prohibit-password\n"
              + "UsePAM no\n"
              + "StrictModes no\n"
              + "LogLevel ERROR\n"
              + "PermitUserEnvironment PATH\n"
              + "PidFile " + dir.resolve(l[0]).resolve("sshd.pid") + "\n");
      // mount inside a private namespace: the tmpfs exists only for this sshd and its sessions
      // and po's cache there is the host's own, not the home folder's real one
      Path cache = Files.createDirectories(dir.resolve(l[0]).resolve("cache"));
      Files.createDirectories(HOME_CACHE);
      String script = "mount -t tmpfs none \"$1\" && mount --bind \"$3\" \"$4\""
          + " && exec \"$5\" -D -e -f \"$2\"";
      Process p = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh",
              projects.toString(), sshdConfig.toString(), cache.toString(), HOME_CACHE.toString(), sshd().toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve(l[0]).resolve("sshd.log").toFile())
          .start();
      daemons.add(p);
      sshd.put(l[0], p);
      known.append("[").append(l[1]).append("]:").append(port).append(' ').append(hostPub).append('\n');
      config.append(entry(l[0], l[1], port, clientKey));
    }
    // hosta again, as a login whose PATH holds none of the tools po needs there
    hosts.put("barehost", new Host("barehost", "127.0.0.2", hosts.get("hosta").port(), hosts.get("hosta").projectsDir()));
    sshd.put("barehost", sshd.get("hosta"));
    config.append(entry("barehost", "127.0.0.2", hosts.get("hosta").port(), bareKey));
    hosts.put("deadhost", new Host("deadhost", "127.0.0.4", freePort("127.0.0.4"), null));
    config.append(entry("deadhost", "127.0.0.4", hosts.get("deadhost").port(), clientKey));
    silent = new ServerSocket();
    silent.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.5"), 0), 50);
    hosts.put("silenthost", new Host("silenthost", "127.0.0.5", silent.getLocalPort(), null));
    config.append(entry("silenthost", "127.0.0.5", silent.getLocalPort(), clientKey));
    Files.writeString(dir.resolve("known_hosts"), known.toString());
    Files.writeString(sshConfig(), config.toString());
    for (String name : LIVE) {
      awaitListening(hosts.get(name));
    }
  }

  private String entry(String name, String address, int port, Path clientKey) {
    return "Host " + name + "\n"
        + "  HostName " + address + "\n"
        + "  Port " + port + "\n"
        + "  User root\n"
        + "  IdentityFile " + clientKey + "\n"
        + "  IdentitiesOnly yes\n"
        + "  UserKnownHostsFile " + dir.resolve("known_hosts") + "\n"
        + "  StrictHostKeyChecking yes\n"
        + "  LogLevel ERROR\n";
  }

  /**
   * The registry table {@code [hosts.TABLE]} for test host {@code host}, with this fixture's ssh
   * config, and {@code env} as its launchers' environment.
   */
  public String table(String table, String host, Map<String, String> env) {
    StringBuilder t = new StringBuilder("\n[hosts." + table + "]\nssh = \"" + host + "\"\nssh_config = \"" + sshConfig() + "\"\n");
    if (!env.isEmpty()) {
      t.append("env = {");
      t.append(String.join(", ", env.entrySet().stream().map(e -> e.getKey() + " = \"" + e.getValue() + "\"").toList()));
      t.append("}\n");
    }
    return t.toString();
  }

  /** {@link #table(String, String, Map)} for a host whose table has its name and no environment. */
  public String table(String host) {
    return table(host, host, Map.of());
  }

  /** Runs git with {@code args} in {@code dir} on {@code host}; its output, trimmed. */
  public String git(String host, String dir, String... args) {
    StringBuilder script = new StringBuilder("cd \"$1\" && git");
    for (int i = 0; i < args.length; i++) {
      script.append(" \"$").append(i + 2).append('"');
    }
    String[] all = new String[args.length + 1];
    all[0] = dir;
    System.arraycopy(args, 0, all, 1, args.length);
    return sh(host, script.toString(), all).trim();
  }

  /** Appends {@code text} to {@code file} on {@code host}, making its folder. */
  public void append(String host, String file, String text) {
    if (text.contains("\0")) {
      throw new IllegalArgumentException("test text with a NUL");
    }
    // printf '%b' turns the escapes back: the text travels as one line of arguments
    String escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    sh(host, "mkdir -p \"$(dirname \"$1\")\" && printf '%b' \"$2\" >> \"$1\"", file, escaped);
  }

  /**
   * The command lines of what runs for connections to {@code host} now (see {@link HostSessions}):
   * empty once nothing of a request is left there.
   */
  public List<String> sessions(String host) {
    Process daemon = sshd.get(host);
    if (daemon == null) {
      throw new IllegalArgumentException("no sshd for test host '" + host + "'");
    }
    return HostSessions.of(daemon.toHandle(), host(host).address(), host(host).port());
  }

  /**
   * Waits up to {@code seconds} for {@link #sessions} of {@code host} to be empty; returns what
   * still runs then (empty when nothing does).
   */
  public List<String> awaitNoSessions(String host, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<String> left;
    while (!(left = sessions(host)).isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return left;
      }
    }
    return left;
  }

  /** What the host sees as {@code ~/.cache/po}. */
  public Path cache(String host) {
    return dir.resolve(host).resolve("cache");
  }

  /** The ssh config file naming every host. */
  public Path sshConfig() {
    return dir.resolve("ssh_config");
  }

  public Host host(String name) {
    Host h = hosts.get(name);
    if (h == null) {
      throw new IllegalArgumentException("no test host '" + name + "'");
    }
    return h;
  }

  /**
   * Runs {@code script} with {@code sh} on {@code host}, the arguments passed as {@code $1...}
   * through stdin so that no test string is ever parsed by the remote shell; returns the output,
   * or throws when it fails.
   */
  public String sh(String host, String script, String... args) {
    StringBuilder in = new StringBuilder();
    for (String a : args) {
      if (a.contains("\0") || a.contains("\n")) {
        throw new IllegalArgumentException("test argument with a NUL or newline: " + a);
      }
      in.append(a).append('\n');
    }
    // the remote reads its arguments line by line, then runs the script with them
    String reader = "set --; while IFS= read -r a; do set -- \"$@\" \"$a\"; done; " + script;
    return run(List.of("ssh", "-F", sshConfig().toString(), "-o", "BatchMode=yes", host, reader), in.toString());
  }

  /**
   * Makes a project repository at {@code dir} on {@code host} as {@link ProjectRepo#create} does
   * locally (agents.toml, a role, {@code engine/} at {@code ref} of {@code harnessUrl}, one commit),
   * with the host's git CLI.
   */
  public void makeProject(String host, String dir, String harnessUrl, String ref) {
    sh(host, "set -e; export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null"
        + " GIT_AUTHOR_NAME=Fixture GIT_AUTHOR_EMAIL=fixture@example.invalid"
        + " GIT_COMMITTER_NAME=Fixture GIT_COMMITTER_EMAIL=fixture@example.invalid;"
        + " mkdir -p \"$1/prompts\"; cd \"$1\"; git init -q -b main;"
        + " echo 'You are the worker.' > prompts/worker.md;"
        + " printf '[agents.worker]\\nprompt = \"prompts/worker.md\"\\nwatch = \"heal\"\\n' > agents.toml;"
        + " echo .ao-state/ > .gitignore;"
        + " git -c protocol.file.allow=always submodule add -q \"$2\" engine;"
        + " git -C engine checkout -q \"$3\"; git add -A; git commit -q -m 'new project'",
        dir, harnessUrl, ref);
  }

  /** The lines of the stand-in launcher's log in the project {@code dir} on {@code host}. */
  public List<String> launcherLog(String host, String dir) {
    return sh(host, "cat \"$1/.ao-state/launcher.log\" 2>/dev/null || true", dir).lines().toList();
  }

  /** Whether {@code path} exists on {@code host}. */
  public boolean exists(String host, String path) {
    return sh(host, "if [ -e \"$1\" ]; then echo yes; else echo no; fi", path).trim().equals("yes");
  }

  @Override
  public void close() {
    for (Process p : daemons) {
      p.destroy();
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
    if (silent != null) {
      try {
        silent.close();
      } catch (IOException e) {
        // closing a listening socket of ours: nothing to do about a failure
      }
    }
  }

  private static int freePort(String address) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
      return s.getLocalPort();
    }
  }

  private void awaitListening(Host h) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(h.address(), h.port()), 1000);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IOException("sshd of test host " + h.name() + " did not listen: "
              + Files.readString(dir.resolve(h.name()).resolve("sshd.log")), e);
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  private static String local(String... argv) {
    return run(List.of(argv), "");
  }

  private static String run(List<String> argv, String stdin) {
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + argv);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(argv + " exited " + p.exitValue() + ": " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
