package dev.po.git;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Says why the fast reader ({@link LooseInspect}, {@link LooseRefs}) handed a repository to JGit.
 * A fallback is correct but slow; said nowhere, a bug in the fast path would only show as
 * slowness. The reasons go to the {@code dev.po.git} logger at DEBUG, which {@code po --verbose}
 * prints.
 */
final class FastPath {
  private static final System.Logger LOG = System.getLogger("dev.po.git");
  /** Test seam: sees every reason as it is logged. */
  private static volatile Consumer<String> observer;

  private FastPath() {}

  /** Test seam: {@code o} sees every reason from now on; {@code null} stops it. */
  static void observe(Consumer<String> o) {
    observer = o;
  }

  /** Records that {@code where} is read with JGit because {@code why}; returns {@code null} for the caller to return. */
  static <T> T fellBack(Path where, String why) {
    String line = "fast git reader: " + where + ": " + why + "; read with JGit";
    LOG.log(Level.DEBUG, line);
    Consumer<String> o = observer;
    if (o != null) {
      o.accept(line);
    }
    return null;
  }

  /** The same for an exception the fast path did not expect: its class and message are the reason. */
  static <T> T fellBack(Path where, Exception e) {
    return fellBack(where, e instanceof java.io.IOException ? "cannot read: " + e : "fast path failed: " + e);
  }
}
