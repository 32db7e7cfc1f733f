package dev.po.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which of po's output streams reach a person at a terminal. Colour goes only to a terminal on
 * stdout, progress only to one on stderr; a pipe or a file gets neither, so what scripts read never
 * carries escape codes.
 *
 * @param out whether stdout is a terminal
 * @param err whether stderr is a terminal
 */
public record Terminal(boolean out, boolean err) {
  /** Neither stream is a terminal: what tests running po in-process get. */
  public static final Terminal NONE = new Terminal(false, false);

  /**
   * This process's streams. Java tells only whether stdin and stdout both are terminals
   * ({@code System.console()}), so on Linux each descriptor is read from {@code /proc/self/fd}: a
   * terminal is a {@code /dev/pts/N} or {@code /dev/ttyN} device.
   */
  public static Terminal detect() {
    Boolean out = isTerminal(1);
    Boolean err = isTerminal(2);
    boolean console = System.console() != null;
    return new Terminal(out != null ? out : console, err != null ? err : console);
  }

  /**
   * Whether colour is wanted on stdout: a terminal there, no {@code --no-color}, no {@code
   * NO_COLOR} (any non-empty value, as no-color.org defines it) and a {@code TERM} other than
   * {@code dumb}.
   */
  public boolean colour(Map<String, String> env, boolean noColorOption) {
    String noColor = env.get("NO_COLOR");
    return out && !noColorOption && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }

  /** Whether descriptor {@code fd} is a terminal, or null when this system cannot tell. */
  private static Boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }
}
