package dev.po.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.po.testing.TempFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded {@code po.jar}, run with nothing else on the class path, as an operator runs it. */
class PoJarIT {
  @TempDir Path tmp;

  @Test
  void versionWithoutAnyWarning() throws Exception {
    PoRun r = java("--version");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().startsWith("po "), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void readsATempFleetAndPrintsNoLoggingNoise() throws Exception {
    TempFleet fleet = TempFleet.create(tmp);
    fleet.addProject("alpha", "v0.1.0");
    for (String cmd : new String[] {"list", "status"}) {
      PoRun r = java("fleet", cmd, "--json", "--fleet", fleet.file().toString());
      assertEquals(0, r.code(), r::toString);
      assertTrue(r.out().contains("\"name\": \"alpha\""), r::toString);
      // SLF4J would complain here if the jar lacked its binding
      assertEquals("", r.err());
    }
  }

  @Test
  void aTildeLocationFollowsHomeAsTheShellDoes() throws Exception {
    Path fleet = tmp.resolve("fleet.toml");
    Files.writeString(fleet, "[defaults]\nharness = \"h\"\n\n[harnesses.h]\nurl = \"h.git\"\n\n"
        + "[projects.p]\nlocation = \"~/projects/p\"\nref = \"v1\"\n");
    Path home = Files.createDirectories(tmp.resolve("home"));
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        System.getProperty("po.jar", "target/po.jar"), "fleet", "get", "p", "--fleet", fleet.toString());
    PoRun r = run(cmd, null, home);
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains(home.resolve("projects/p").toString()), "HOME=" + home + ", not user.home: " + r);
  }

  @Test
  void exitCodesSurviveTheRealProcess() throws Exception {
    PoRun usage = java("fleet", "nope");
    assertEquals(2, usage.code(), usage::toString);
    PoRun failure = java("fleet", "list", "--fleet", tmp.resolve("missing.toml").toString());
    assertEquals(1, failure.code(), failure::toString);
    assertEquals(1, failure.errLines().size(), failure::toString);
  }

  @Test
  void theLauncherMapsTheClassDataArchiveAndPassesExitCodesThrough() throws Exception {
    // Linked onto a PATH as the README suggests: the launcher finds its jar through the link.
    Path link = tmp.resolve("bin/po");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, Path.of("po").toAbsolutePath());
    try {
      launcherRuns(link);
    } finally {
      Files.delete(link); // before JUnit's clean-up, which warns of links out of the temp folder
    }
  }

  private static void launcherRuns(Path link) throws IOException, InterruptedException {
    PoRun version = run(List.of(link.toString(), "--version"), null);
    assertEquals(0, version.code(), version::toString);
    assertTrue(version.out().startsWith("po "), version::toString);
    assertEquals("", version.err());
    // -Xshare:on makes the JVM refuse to start unless the archive made at build time maps.
    PoRun shared = run(List.of(link.toString(), "--version"), "-Xshare:on");
    assertEquals(0, shared.code(), "the class-data archive does not map: " + shared);
    assertEquals(2, run(List.of(link.toString(), "fleet", "nope"), null).code());
  }

  private static PoRun java(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("po.jar", "target/po.jar"));
    assertTrue(Files.isRegularFile(jar), "no " + jar + ": run mvn package first");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(List.of(args));
    return run(cmd, null);
  }

  private static PoRun run(List<String> cmd, String javaOpts) throws IOException, InterruptedException {
    return run(cmd, javaOpts, null);
  }

  private static PoRun run(List<String> cmd, String javaOpts, Path home) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (home != null) {
      pb.environment().put("HOME", home.toString());
    }
    pb.environment().remove("PO_FLEET");
    // The launcher runs the java of JAVA_HOME: the one the archive was made with.
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    if (javaOpts != null) {
      pb.environment().put("PO_JAVA_OPTS", javaOpts);
    }
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "po did not finish");
    return new PoRun(p.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
