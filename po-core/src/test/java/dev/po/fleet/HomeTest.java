package dev.po.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ~} in a location is {@code $HOME} when set, as the operator's shell reads it; else the account's home. */
class HomeTest {
  @TempDir Path tmp;

  private static String resolveTilde(Map<String, String> env, boolean unsetHome) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Duser.home=/account/home", "-cp", System.getProperty("java.class.path"),
        HomeMain.class.getName()).redirectErrorStream(true);
    if (unsetHome) {
      pb.environment().remove("HOME");
    }
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void tildeFollowsHomeWhenSetElseTheAccount() throws Exception {
    assertEquals(tmp.resolve("x").toString(), resolveTilde(Map.of("HOME", tmp.toString()), false));
    assertEquals("/account/home/x", resolveTilde(Map.of(), true));
    assertEquals("/account/home/x", resolveTilde(Map.of("HOME", "relative/dir"), false));
  }
}
