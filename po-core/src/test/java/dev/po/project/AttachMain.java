package dev.po.project;

import dev.po.Po;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs {@code attach} in its own JVM, as a terminal's program: args FLEET PROJECT SOCKET CACHE OUT.
 * Writes {@code ok} to OUT once the attachment ends without a failure, else the failure.
 */
public final class AttachMain {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[4]);
    try {
      Po.open(Path.of(args[0])).withEnvironment(Map.of("AO_TMUX_SOCKET", args[2], "AO_CACHE_DIR", args[3]))
          .project(args[1]).attach(null);
      Files.writeString(out, "ok");
    } catch (RuntimeException e) {
      Files.writeString(out, e.toString());
    }
  }
}
