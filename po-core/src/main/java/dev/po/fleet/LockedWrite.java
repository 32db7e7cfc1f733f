package dev.po.fleet;

import dev.po.PoException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The two halves of a safe write. An operating-system lock on a file beside the registry, so that
 * editors in separate processes take turns and a holder that dies (even by SIGKILL) releases it
 * with its process: the lock file existing on disk means nothing, only the lock on it does. And a
 * replacement that is never half-written: a temp file in the same folder, forced to disk, given
 * the registry's owner, group and mode, then renamed over the registry in one step.
 */
final class LockedWrite {
  /**
   * Threads of one process take turns here first: POSIX record locks belong to the process, so
   * two threads would both "hold" the file lock, and closing any channel on the file drops it.
   */
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private LockedWrite() {}

  /** The lock file of {@code file}: {@code <file>.lock} beside it. */
  static Path lockFileOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  /** Runs {@code work} holding the lock on {@code <file>.lock}; waits up to {@code timeout} for another holder. */
  static <T> T underLock(Path file, Duration timeout, Supplier<T> work) {
    Path lock = lockFileOf(file);
    ReentrantLock local = IN_PROCESS.computeIfAbsent(lock.toAbsolutePath().normalize(), k -> new ReentrantLock());
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!local.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw busy(file, lock, timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PoException("interrupted while waiting for the registry lock " + lock);
    }
    try (FileChannel channel = open(lock)) {
      long pause = 5;
      while (tryLock(channel, lock) == null) {
        if (System.nanoTime() >= deadline) {
          throw busy(file, lock, timeout);
        }
        sleep(pause);
        pause = Math.min(pause * 2, 50);
      }
      removeDeadTemps(file);
      return work.get();
    } catch (IOException e) {
      // only closing the channel can land here; closing releases the lock either way
      throw new RegistryException(new Problem(lock, 0, 0, "cannot release the lock: " + e), e);
    } finally {
      local.unlock();
    }
  }

  private static FileChannel open(Path lock) {
    try {
      return FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new RegistryException(new Problem(lock, 0, 0, "cannot open the lock file: " + e), e);
    }
  }

  private static FileLock tryLock(FileChannel channel, Path lock) {
    try {
      return channel.tryLock();
    } catch (IOException e) {
      throw new RegistryException(new Problem(lock, 0, 0, "cannot lock: " + e), e);
    }
  }

  private static PoException busy(Path file, Path lock, Duration timeout) {
    return new PoException("another po is editing " + file.getFileName() + " (it holds the lock on " + lock
        + "); still busy after " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + " ms")
        + ", try again when it is done");
  }

  /**
   * Temp files of an editor killed between writing and renaming. Only a lock holder makes them,
   * and the lock is ours, so any still there belong to a dead process.
   */
  private static void removeDeadTemps(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    String glob = "." + file.getFileName() + ".*.tmp";
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, glob)) {
      for (Path temp : temps) {
        if (Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(temp);
        }
      }
    } catch (IOException | RuntimeException e) {
      // a temp file left over is harmless and named for what it is; the edit goes on
    }
  }

  /**
   * Replaces {@code file} with {@code text}: temp file, force, the file's owner, group and mode,
   * atomic rename. Refused, with the file untouched, when the owner or group cannot be kept.
   */
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
      copyAttributes(file, tmp);
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
          // best effort: the next editor removes it under the lock
        }
      }
    }
  }

  /** Owner and group first: a chown may clear set-id bits, which the mode then restores. */
  private static void copyAttributes(Path from, Path to) throws IOException {
    PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
    if (target == null || !Files.exists(from)) {
      return;
    }
    PosixFileAttributes was = Files.readAttributes(from, PosixFileAttributes.class);
    PosixFileAttributes now = target.readAttributes();
    try {
      if (!now.owner().equals(was.owner())) {
        target.setOwner(was.owner());
      }
      if (!now.group().equals(was.group())) {
        target.setGroup(was.group());
      }
    } catch (IOException e) {
      throw new IOException("cannot keep its owner " + was.owner().getName() + ":" + was.group().getName()
          + " on the replacement (" + e.getMessage() + "); edit it as that user or as root", e);
    }
    target.setPermissions(was.permissions());
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
