package dev.po.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Internal: the marker file a running {@code po create} keeps an OS lock on in the folder it fills,
 * holding the create's own command line, so that any po (another, or this one) tells a live
 * create from a dead one's leftovers and can name the command that repairs them. The create side
 * is in {@code dev.po.project}; {@code validate} asks {@link #left}. Not part of po-core's API.
 */
public final class CreateMarker {
  /** The marker's file name in the folder being filled. */
  public static final String NAME = ".create-in-progress";

  /**
   * Markers this process holds. Asked about one of them, {@link #held} must not open it: closing
   * any channel on a file drops every POSIX lock the process has on it.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private CreateMarker() {}

  /** Notes that this process holds {@code marker}'s lock from now on. */
  public static void holding(Path marker) {
    HELD.add(key(marker));
  }

  /** Notes that this process no longer holds {@code marker}'s lock. */
  public static void released(Path marker) {
    HELD.remove(key(marker));
  }

  /** Whether this process holds {@code marker}'s lock. */
  public static boolean heldHere(Path marker) {
    return HELD.contains(key(marker));
  }

  /** Whether a live process, this one or another, holds {@code marker}'s lock. */
  public static boolean held(Path marker) throws IOException {
    if (heldHere(marker)) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true; // a create in this very process holds it
    }
  }

  /** Replaces what the marker held on {@code channel} (a locked one) says with {@code command}. */
  public static void write(FileChannel channel, String command) throws IOException {
    channel.truncate(0);
    ByteBuffer bytes = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
    long at = 0;
    while (bytes.hasRemaining()) {
      at += channel.write(bytes, at);
    }
    channel.force(false);
  }

  /**
   * What a dead create left in {@code folder}: the command line its marker holds ({@code ""} when
   * it holds none, as a marker of an earlier po does), or null when {@code folder} holds no marker,
   * a live create holds it, or whether one does cannot be told (a marker this user cannot open).
   */
  public static String left(Path folder) {
    Path marker = folder.resolve(NAME);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try {
      if (held(marker)) {
        return null;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    try {
      String text = Files.readString(marker, StandardCharsets.UTF_8).strip();
      return text.lines().count() == 1 && text.startsWith("po create ") ? text : "";
    } catch (IOException | RuntimeException e) {
      return ""; // a dead create's marker all the same
    }
  }

  private static Path key(Path marker) {
    return marker.toAbsolutePath().normalize();
  }
}
