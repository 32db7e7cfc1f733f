package dev.po.local;

import dev.po.git.ProjectRepos;
import dev.po.host.Held;
import dev.po.project.ProjectBusyException;
import dev.po.project.ProjectException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Holds one project while a command changes it, so two commands never interleave their steps on
 * it (a pin moved by one while the other restores, an index written by both). Every command that
 * changes a project takes it through its host ({@code Host.hold}); a second one, in this process or
 * another, is refused at once with a {@link ProjectBusyException} naming the holder.
 *
 * <p>The lock is an OS lock on {@code po.lock} in the project's git directory: the OS releases it
 * when its process dies, so a killed command leaves nothing that blocks the next. The file itself
 * stays (deleting a lock file others may have open would let two holders in); it is outside the
 * work tree and never committed. Within this process the thread that holds a project may take it
 * again (an update that restarts the harness).
 */
final class ProjectLock implements Held {
  static final String FILE = "po.lock";

  /** Held locks of this process by lock file; an OS lock cannot be taken twice by one process. */
  private static final Map<Path, ProjectLock> HELD = new HashMap<>();

  private final Path file;
  private final Thread owner;
  private final FileChannel channel;
  private final FileLock lock;
  private int depth = 1;

  private ProjectLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.owner = Thread.currentThread();
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the project at {@code root} for {@code what} (say {@code update beta v0.2.0}); a root
   * with no git directory holds nothing to guard, and gets a lock that holds nothing.
   *
   * @throws ProjectBusyException when another command holds it
   */
  static ProjectLock take(String name, Path root, String what) {
    Path gitDir = ProjectRepos.gitDir(root);
    if (gitDir == null) {
      return new ProjectLock(null, null, null);
    }
    Path file = gitDir.resolve(FILE).toAbsolutePath().normalize();
    synchronized (HELD) {
      ProjectLock held = HELD.get(file);
      if (held != null) {
        if (held.owner == Thread.currentThread()) {
          held.depth++;
          return held;
        }
        throw busy(name, file);
      }
      FileChannel channel = null;
      try {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock == null) {
          channel.close();
          throw busy(name, file);
        }
        // who holds it, for the message of the one refused; truncated on release
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + " " + what + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        ProjectLock taken = new ProjectLock(file, channel, lock);
        HELD.put(file, taken);
        return taken;
      } catch (IOException e) {
        closeQuietly(channel);
        throw new ProjectException("project " + name + ": cannot lock " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private static ProjectBusyException busy(String name, Path file) {
    String holder = "";
    try {
      String[] said = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ", 2);
      // a holder killed before it wrote leaves an older line: name a process only while it lives
      if (said.length == 2 && ProcessHandle.of(Long.parseLong(said[0])).map(ProcessHandle::isAlive).orElse(false)) {
        holder = " (pid " + said[0] + ": " + said[1] + ")";
      }
    } catch (IOException | RuntimeException e) {
      // the holder's name is a courtesy; the refusal stands without it
    }
    return new ProjectBusyException("project " + name + ": another command is changing it" + holder
        + "; try again when it is done");
  }

  @Override
  public void close() {
    if (file == null) {
      return;
    }
    synchronized (HELD) {
      if (--depth > 0) {
        return;
      }
      HELD.remove(file);
      try {
        channel.truncate(0);
        lock.release();
      } catch (IOException e) {
        // closing the channel below releases the lock all the same
      } finally {
        closeQuietly(channel);
      }
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing left to release
      }
    }
  }
}
