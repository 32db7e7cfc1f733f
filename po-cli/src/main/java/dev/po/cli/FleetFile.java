package dev.po.cli;

import dev.po.Po;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The registry a command reads, named the one way every command shares: {@code --fleet FILE}
 * (declared once on {@code po} and inherited by every command, so it may stand before or after
 * the command words), else {@code $PO_FLEET}, else {@code ./fleet.toml}. A command mixes it in,
 * {@code @Mixin FleetFile fleet;} then {@code fleet.po()}; a mixin that cannot (picocli gives a
 * mixin nested in another mixin the wrong spec) calls {@link #path(CommandSpec)} with its
 * command's spec.
 */
// An empty @Command makes this a mixin picocli accepts though it declares no option of its own.
@Command
public final class FleetFile {
  /** The environment variable naming the registry when {@code --fleet} is not given. */
  public static final String ENV = dev.po.fleet.Registry.ENV;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The registry file of the command this is mixed into. */
  public Path path() {
    return path(mixee);
  }

  /** po-core opened on {@link #path()}. */
  public Po po() {
    return Po.open(path());
  }

  /** The registry file for {@code command}, a spec of any command in po's tree. */
  public static Path path(CommandSpec command) {
    Object root = command.root().userObject();
    if (!(root instanceof PoCommand po)) {
      throw new IllegalStateException("FleetFile used outside the po command tree: " + command.qualifiedName());
    }
    return dev.po.fleet.Registry.fileFrom(po.fleet, po.env());
  }
}
