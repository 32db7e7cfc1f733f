package dev.po.local;

import dev.po.process.CreateMarker;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * How a {@code po create} killed at any moment is told apart from a live one and from someone
 * else's files. The folder being filled (a hidden sibling {@code .NAME.creating-HEX}, or an
 * existing empty folder filled in place) holds the marker file {@code .create-in-progress} from
 * its first moment until the project is complete, and the creator keeps an OS lock on it. A
 * marker whose lock is free was left by a dead creator: what holds it is that creator's, and the
 * next create of the name removes it. The marker holds the create's command line, which {@code
 * validate} names as the repair of a folder left half-filled. The marker is never committed.
 */
final class CreateMarks {
  static final String MARKER = CreateMarker.NAME;

  private CreateMarks() {}

  /** What a folder is to a create. */
  enum State {
    ABSENT,
    EMPTY,
    /** holds a marker whose creator is dead: its content is a killed create's */
    LEFTOVER,
    /** holds a marker a live create is holding */
    BUSY,
    OCCUPIED
  }

  /** A held marker; {@link #close()} removes it and releases the lock. */
  static final class Held implements AutoCloseable {
    private final Path marker;
    private final FileChannel channel;

    private Held(Path marker, FileChannel channel) {
      this.marker = marker;
      this.channel = channel;
    }

    /** The same marker after its folder was renamed to {@code folder}. */
    Held movedTo(Path folder) {
      CreateMarker.released(marker);
      Path moved = folder.resolve(MARKER);
      CreateMarker.holding(moved);
      return new Held(moved, channel);
    }

    @Override
    public void close() throws IOException {
      try {
        Files.deleteIfExists(marker);
      } finally {
        CreateMarker.released(marker);
        channel.close();
      }
    }
  }

  static String workPrefix(String name) {
    return "." + name + ".creating-";
  }

  /**
   * Puts the marker into {@code folder} (empty, or made for this create) and holds it; it says
   * {@code command}, the create's command line.
   */
  static Held mark(Path folder, String command) throws IOException {
    Path marker = folder.resolve(MARKER);
    FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new IOException(marker + " is locked by another process");
      }
      CreateMarker.holding(marker);
      CreateMarker.write(channel, command);
      return new Held(marker, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Takes {@code folder} for filling in place: an empty one gets a new marker; one holding a dead
   * creator's marker is taken over (its lock, then its content removed, the marker kept), so two
   * re-runs at once cannot both empty it. Null when a live create holds it.
   */
  static Held claim(Path folder, String command) throws IOException {
    Path marker = folder.resolve(MARKER);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
      try {
        return mark(folder, command);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        return null; // another create marked it a moment ago
      }
    }
    if (CreateMarker.heldHere(marker)) {
      return null;
    }
    FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE);
    try {
      if (channel.tryLock() == null) {
        channel.close();
        return null;
      }
      CreateMarker.holding(marker);
      CreateMarker.write(channel, command);
      Held held = new Held(marker, channel);
      try (Stream<Path> entries = Files.list(folder)) {
        for (Path p : entries.filter(p -> !p.equals(marker)).toList()) {
          Trees.delete(p);
        }
      }
      return held;
    } catch (IOException | RuntimeException e) {
      CreateMarker.released(marker);
      channel.close();
      throw e;
    }
  }

  static State of(Path folder) throws IOException {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.exists(folder)) {
      return State.ABSENT;
    }
    if (!Files.isDirectory(folder)) {
      return State.OCCUPIED;
    }
    Path marker = folder.resolve(MARKER);
    if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
      return CreateMarker.held(marker) ? State.BUSY : State.LEFTOVER;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isPresent() ? State.OCCUPIED : State.EMPTY;
    }
  }

  /** The hidden work folders of creates of {@code name} in {@code parent}. */
  static java.util.List<Path> workFolders(Path parent, String name) throws IOException {
    if (!Files.isDirectory(parent)) {
      return java.util.List.of();
    }
    java.util.List<Path> found = new java.util.ArrayList<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(parent, workPrefix(name) + "*")) {
      for (Path p : all) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          found.add(p);
        }
      }
    }
    return found;
  }

  /** Removes everything inside {@code folder}, keeping the folder itself (its owner, mode, mount, link). */
  static void emptyOut(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path p : entries.toList()) {
        Trees.delete(p);
      }
    }
  }
}
