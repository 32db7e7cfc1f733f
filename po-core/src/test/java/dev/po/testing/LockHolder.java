package dev.po.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Another process holding the registry's lock, as a po in the middle of an edit does: it takes
 * the OS lock on {@code fleet.toml.lock} and keeps it until it is killed. {@link #close()}
 * kills it with SIGKILL, the way an operator's {@code kill -9} or a crash ends a po.
 *
 * <pre>{@code
 * try (LockHolder holder = LockHolder.hold(fleet.file())) { ... edits wait ... }
 * }</pre>
 */
public final class LockHolder implements AutoCloseable {
  private final Process process;

  private LockHolder(Process process) {
    this.process = process;
  }

  /** Starts a JVM that holds the lock of {@code registry}; returns once it holds it. */
  public static LockHolder hold(Path registry) {
    return holdFile(registry.resolveSibling(registry.getFileName() + ".lock"));
  }

  /** Starts a JVM that holds an OS lock on {@code lock} (made when missing); returns once it holds it. */
  public static LockHolder holdFile(Path lock) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try {
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
          lock.toString()).redirectErrorStream(true).start();
      String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
      if (!"locked".equals(line)) {
        p.destroyForcibly();
        throw new IllegalStateException("the lock holder did not take " + lock + ": " + line);
      }
      return new LockHolder(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL, then waits for the process to be gone. */
  @Override
  public void close() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the lock holder " + process.pid() + " did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static void main(String[] args) throws Exception {
    FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    channel.lock();
    System.out.println("locked");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
