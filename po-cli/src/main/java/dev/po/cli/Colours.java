package dev.po.cli;

import java.util.Locale;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Colours for what a person reads on a terminal: harness and agent states by how much they need a
 * look. Off (every word as it is) unless stdout is a terminal and neither {@code --no-color} nor
 * {@code NO_COLOR} says otherwise; commands printing JSON never use it.
 *
 * <pre>{@code
 * Colours c = Colours.of(spec);
 * table.row(name, c.state(status.state().word()));
 * }</pre>
 */
public final class Colours {
  private static final Colours OFF = new Colours(Ansi.OFF);
  private final Ansi ansi;

  private Colours(Ansi ansi) {
    this.ansi = ansi;
  }

  /** The colours for a command's stdout, as the root command decided from the terminal and env. */
  public static Colours of(CommandSpec spec) {
    return spec.root().userObject() instanceof PoCommand po && po.colour() ? new Colours(Ansi.ON) : OFF;
  }

  public boolean on() {
    return ansi.enabled();
  }

  /**
   * A state word coloured: running green, degraded yellow, stopped dim, unknown and unreachable
   * (and any state not listed, which a person should look at) red.
   */
  public String state(String word) {
    String style =
        switch (word.toLowerCase(Locale.ROOT)) {
          case "running" -> "fg(green)";
          case "degraded" -> "fg(yellow)";
          case "stopped" -> "faint";
          default -> "fg(red)";
        };
    return styled(style, word);
  }

  /** Red: a failure. */
  public String failure(String text) {
    return styled("fg(red)", text);
  }

  private String styled(String style, String text) {
    return on() ? ansi.string("@|" + style + " " + text.replace("|@", "| @") + "|@") : text;
  }
}
