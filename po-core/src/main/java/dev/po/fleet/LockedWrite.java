package dev.po.fleet;

import dev.po.PoException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The two halves of a safe write. A lock file beside the registry, made with create-new as git
 * makes its {@code .lock} files, so that editors in separate processes take turns; and a
 * replacement that is never half-written: a temp file in the same folder, forced to disk, then
 * renamed over the registry in one step.
 */
final class LockedWrite {
  private LockedWrite() {}

  /** Runs {@code work} holding {@code <file>.lock}; waits up to {@code timeout} for another holder. */
  static <T> T underLock(Path file, Duration timeout, Supplier<T> work) {
    Path lock = file.resolveSibling(file.getFileName() + ".lock");
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 5;
    while (true) {
      try {
        Files.createFile(lock);
        break;
      } catch (FileAlreadyExistsException e) {
        if (System.nanoTime() >= deadline) {
          throw new PoException(
              lock + " exists: another po is editing " + file.getFileName() + "; if none is, remove it");
        }
        sleep(pause);
        pause = Math.min(pause * 2, 50);
      } catch (IOException e) {
        throw new RegistryException(new Problem(lock, 0, 0, "cannot create the lock file: " + e), e);
      }
    }
    try {
      return work.get();
    } finally {
      try {
        Files.deleteIfExists(lock);
      } catch (IOException e) {
        // The write itself is done (or failed with its own message); a stale lock names itself next time.
      }
    }
  }

  /** Replaces {@code file} with {@code text}: temp file, force, atomic rename; keeps the file's permissions. */
  static void replace(Path file, String text) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + ".", ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      copyPermissions(file, tmp);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
      syncFolder(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new RegistryException(new Problem(file, 0, 0, "cannot write: " + e), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // best effort: a leftover temp file is harmless and named for what it is
        }
      }
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (view != null && Files.exists(from)) {
      Set<PosixFilePermission> perms = view.readAttributes().permissions();
      Files.setPosixFilePermissions(to, perms);
    }
  }

  /** Makes the rename itself durable; not every file system allows opening a folder, which is fine. */
  private static void syncFolder(Path folder) {
    try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      // durability of the rename is best effort where the platform cannot sync a folder
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PoException("interrupted while waiting for the registry lock");
    }
  }
}
