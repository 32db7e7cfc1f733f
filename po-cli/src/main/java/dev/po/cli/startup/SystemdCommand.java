package dev.po.cli.startup;

import dev.po.PoException;
import dev.po.cli.FleetFile;
import dev.po.cli.Main;
import dev.po.cli.PoCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "systemd",
    mixinStandardHelpOptions = true,
    description = {
      "Print a systemd user unit that runs po start --all when the user's service manager starts"
          + " (at boot, once lingering is enabled) and po stop --all when it stops (at shutdown),"
          + " for this registry and this po. It starts nothing on a timer.",
      "",
      "The unit keeps PATH (so tmux, git, java and the agents' command resolve as they do now)"
          + " and AO_TMUX_SOCKET when set. --install writes it to"
          + " ~/.config/systemd/user/UNIT.service ($XDG_CONFIG_HOME when set) and prints the"
          + " commands that enable it.",
      ""
    })
final class SystemdCommand implements Callable<Integer> {
  /** Set by the po launcher to its own path, so the unit runs po as the operator does. */
  static final String LAUNCHER_ENV = "PO_LAUNCHER";

  /** What the unit carries over from the environment po runs in now. */
  private static final List<String> KEPT = List.of("PATH", "AO_TMUX_SOCKET", "JAVA_HOME", "PO_JAVA_OPTS");

  @Spec CommandSpec spec;
  @Mixin FleetFile fleet;

  @Option(names = "--install", description = "Write the unit file and print the commands that enable it.")
  boolean install;

  @Option(names = "--unit", paramLabel = "UNIT", description = "The unit's name (default: po-fleet).")
  String unit = "po-fleet";

  @Override
  public Integer call() throws IOException {
    if (!unit.matches("[A-Za-z0-9][A-Za-z0-9_.@-]*") || unit.endsWith(".service")) {
      throw new PoException("invalid unit name '" + unit + "': letters, digits, _ . @ -, without .service");
    }
    Map<String, String> env = env();
    Path registry = fleet.path().toAbsolutePath().normalize();
    fleet.po().fleet(); // refuse a registry that is missing or does not parse, now rather than at boot
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : KEPT) {
      String v = env.get(name);
      if (v != null && !v.isEmpty()) {
        kept.put(name, v);
      }
    }
    String text = new SystemdUnit(thisPo(env), registry, kept).text();
    PrintWriter out = spec.commandLine().getOut();
    if (!install) {
      out.print(text);
      out.flush();
      return 0;
    }
    Path file = unitFolder(env).resolve(unit + ".service");
    write(file, text);
    out.println("wrote " + file);
    out.println("enable it, and let it run at boot without a login:");
    out.println("  systemctl --user daemon-reload");
    out.println("  systemctl --user enable " + unit + ".service");
    out.println("  loginctl enable-linger " + env.getOrDefault("USER", System.getProperty("user.name")));
    return 0;
  }

  /** The launcher when po runs through it, else this JVM running this jar. */
  private static List<String> thisPo(Map<String, String> env) {
    String launcher = env.get(LAUNCHER_ENV);
    if (launcher != null && !launcher.isBlank()) {
      return List.of(launcher);
    }
    Path jar;
    try {
      jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      jar = null;
    }
    if (jar == null || !Files.isRegularFile(jar)) {
      throw new PoException("cannot tell which po is running: run this through po-cli/po or java -jar po.jar");
    }
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString());
  }

  private static Path unitFolder(Map<String, String> env) {
    String config = env.get("XDG_CONFIG_HOME");
    if (config == null || config.isBlank()) {
      String home = env.getOrDefault("HOME", System.getProperty("user.home"));
      config = Path.of(home, ".config").toString();
    }
    return Path.of(config, "systemd", "user");
  }

  /** Written whole or not at all: a temp file beside it, renamed into place. */
  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
      try {
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new PoException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private Map<String, String> env() {
    return spec.root().userObject() instanceof PoCommand po ? po.env() : System.getenv();
  }
}
