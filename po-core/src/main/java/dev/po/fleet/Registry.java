package dev.po.fleet;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The registry file on disk, {@code fleet.toml}: reads it into a {@link Fleet}, writes changes back
 * keeping the operator's text (comments, blank lines, order), and validates it against the disk.
 *
 * <pre>{@code
 * Registry registry = Registry.at(Path.of("fleet.toml"));
 * Fleet fleet = registry.read();
 * registry.edit(f -> f.withEnabled("my-project", false));
 * registry.validate().forEach(System.out::println);   // fleet.toml:12:5: unknown key 'enabeld'
 * }</pre>
 */
public final class Registry {
  private static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

  private final Path file;
  private final Path folder;
  private final Duration lockTimeout;

  private Registry(Path file, Duration lockTimeout) {
    this.file = Objects.requireNonNull(file, "file");
    this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
    if (lockTimeout.isNegative()) {
      throw new IllegalArgumentException("lockTimeout (" + lockTimeout + ") must not be negative");
    }
    Path parent = realFolder(file);
    this.folder = parent == null ? Path.of("/") : parent;
  }

  /**
   * The folder relative paths resolve against: the real file's, when {@code file} is a symbolic
   * link, so that one registry means one set of paths however it is reached (git and editors
   * follow the link the same way).
   */
  private static Path realFolder(Path file) {
    Path named = file.toAbsolutePath().normalize();
    try {
      if (Files.isSymbolicLink(named)) {
        return named.toRealPath().getParent();
      }
    } catch (IOException e) {
      // a dangling link: the file cannot be read anyway, and says so when asked
    }
    return named.getParent();
  }

  /** The registry at {@code file}; nothing is read yet. */
  public static Registry at(Path file) {
    return new Registry(file, DEFAULT_LOCK_TIMEOUT);
  }

  /** How long {@link #edit} waits for another editor's lock before it gives up; 5 seconds by default. */
  public Registry withLockTimeout(Duration timeout) {
    return new Registry(file, timeout);
  }

  /** The file as the caller named it (used in messages). */
  public Path file() {
    return file;
  }

  /**
   * Reads and checks the file; throws {@link RegistryException} listing every problem found in the
   * file itself (syntax, schema, names, harness references, shared locations). The disk is not
   * looked at: that is {@link #validate()}.
   */
  public Fleet read() {
    FleetParser.Parsed parsed = parse(text());
    if (!parsed.problems().isEmpty()) {
      throw new RegistryException(parsed.problems());
    }
    return parsed.fleet();
  }

  /**
   * Applies {@code change} to the current file under the lock {@code fleet.toml.lock}: re-reads,
   * changes, edits the text in place (only the changed values, keys and tables), parses the result
   * and compares it with the intended value, then replaces the file atomically. Returns the fleet
   * as written; nothing is written when the change returns an equal fleet.
   *
   * @throws RegistryException when the file has problems, the change would introduce some, or
   *     the file cannot be written
   * @throws EditRefusedException when the change cannot be made in place (reordering, entries not
   *     written as their own table) or would not read back as intended
   * @throws dev.po.PoException when the lock stays taken past the timeout; an exception
   *     thrown by {@code change} itself passes through, with nothing written
   */
  public Fleet edit(UnaryOperator<Fleet> change) {
    Objects.requireNonNull(change, "change");
    Path target = realFile();
    return LockedWrite.underLock(target, lockTimeout, () -> {
      String text = text();
      FleetParser.Parsed parsed = parse(text);
      if (!parsed.problems().isEmpty()) {
        throw new RegistryException(parsed.problems());
      }
      Fleet before = parsed.fleet();
      Fleet after = Objects.requireNonNull(change.apply(before), "the change returned no fleet");
      if (after.equals(before)) {
        return before;
      }
      String edited;
      try {
        edited = FleetEditor.edit(text, before, after);
      } catch (IllegalStateException e) {
        // TomlDocument could not follow text tomlj accepted: refuse rather than guess
        throw new EditRefusedException("cannot edit " + file + " in place (" + e.getMessage()
            + "): make the change by hand, then run po fleet validate", e);
      }
      FleetParser.Parsed check = parse(edited);
      if (!check.problems().isEmpty()) {
        // positions would point into text that was never written: say what is wrong, not where
        throw new RegistryException(check.problems().stream()
            .map(p -> new Problem(file, 0, 0, "refusing the change, it would make the registry invalid: " + p.message()))
            .toList());
      }
      if (!after.equals(check.fleet())) {
        throw new EditRefusedException("refusing to write " + file + ": the edited text would not read back as the"
            + " change (" + difference(after, check.fleet()) + "); make the change by hand, then run po fleet validate");
      }
      LockedWrite.replace(target, edited);
      return after;
    });
  }

  /** What differs between the intended fleet and the one the edited text says, by name. */
  private static String difference(Fleet intended, Fleet read) {
    List<String> names = new ArrayList<>();
    for (ProjectEntry p : intended.projects()) {
      if (!read.project(p.name()).equals(java.util.Optional.of(p))) {
        names.add("project " + p.name());
      }
    }
    for (Harness h : intended.harnesses()) {
      if (!read.harness(h.name()).equals(java.util.Optional.of(h))) {
        names.add("harness " + h.name());
      }
    }
    if (!intended.defaults().equals(read.defaults())) {
      names.add("[defaults]");
    }
    return names.isEmpty() ? "entries added or removed" : String.join(", ", names);
  }

  /** The file edits replace: a symbolic link stays a link and its target is written. */
  private Path realFile() {
    try {
      return Files.isSymbolicLink(file) ? file.toRealPath() : file;
    } catch (IOException e) {
      return file;
    }
  }

  /**
   * Every problem in the file and on disk, in file order; empty when the fleet is sound. Besides
   * what {@link #read()} reports, it checks each project's location, repository, engine submodule,
   * engine pin against the commit its ref names (drift), and the one rule. It reads repositories in
   * process and asks a harness URL only for refs a project's engine repository does not know.
   * Projects on other hosts are checked there by {@code Po.validate()}, not here.
   */
  public List<Problem> validate() {
    String text;
    try {
      text = text();
    } catch (RegistryException e) {
      return e.problems();
    }
    FleetParser.Parsed parsed = parse(text);
    List<Problem> all = new ArrayList<>(parsed.problems());
    all.addAll(DiskChecks.check(file, folder, parsed));
    all.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return List.copyOf(all);
  }

  /**
   * {@code message} placed where {@code project}'s {@code key} ({@code location}, {@code ref},
   * {@code host}, or {@code null} for its table) is written; for problems found elsewhere, such as
   * on the project's host. A project the file does not hold gives a problem without a position.
   */
  /** The environment variable naming the registry when no file is given. */
  public static final String ENV = "PO_FLEET";

  /**
   * The registry file a command reads: {@code given} (its {@code --fleet}), else {@code
   * $PO_FLEET} when set and not blank, else {@code ./fleet.toml}. The one rule po, the scripts
   * and any tool share.
   */
  public static Path fileFrom(Path given, java.util.Map<String, String> env) {
    if (given != null) {
      return given;
    }
    String named = env.get(ENV);
    return named != null && !named.isBlank() ? Path.of(named) : Path.of("fleet.toml");
  }

  public Problem problemAt(String project, String key, String message) {
    FleetParser.Parsed parsed = parse(text());
    for (FleetParser.Located l : parsed.projects()) {
      if (l.entry().name().equals(project)) {
        int[] at = "location".equals(key) ? l.location() : "ref".equals(key) ? l.ref() : l.header();
        return new Problem(file, at[0], at[1], message);
      }
    }
    return new Problem(file, 0, 0, message);
  }

  FleetParser.Parsed parse(String text) {
    return FleetParser.parse(file, folder, text);
  }

  /** The file's text; a missing or unreadable file is one problem without a line. */
  String text() {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new RegistryException(new Problem(file, 0, 0, "no such file"));
    } catch (CharacterCodingException e) {
      throw new RegistryException(new Problem(file, 0, 0, "not UTF-8 text"));
    } catch (IOException e) {
      throw new RegistryException(new Problem(file, 0, 0, "cannot read: " + e), e);
    }
  }
}
