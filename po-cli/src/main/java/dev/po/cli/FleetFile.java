package dev.po.cli;

import dev.po.Po;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --fleet FILE} option every command that reads the registry mixes in:
 * {@code @Mixin FleetFile fleet;} then {@code fleet.po()}.
 */
public final class FleetFile {
  /** The environment variable naming the registry when {@code --fleet} is not given. */
  public static final String ENV = "PO_FLEET";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--fleet",
      paramLabel = "FILE",
      description = "Registry; default $PO_FLEET, else ./fleet.toml")
  Path file;

  /**
   * The registry file: {@code --fleet} after the command words, else before them, else
   * {@code $PO_FLEET}, else {@code fleet.toml} in the current directory.
   */
  public Path path() {
    if (file != null) {
      return file;
    }
    if (mixee.root().userObject() instanceof PoCommand po && po.fleet != null) {
      return po.fleet;
    }
    String fromEnv = env(ENV);
    return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : Path.of("fleet.toml");
  }

  /** po-core opened on {@link #path()}. */
  public Po po() {
    return Po.open(path());
  }

  private String env(String name) {
    Object root = mixee.root().userObject();
    return root instanceof PoCommand po ? po.env().get(name) : System.getenv(name);
  }
}
