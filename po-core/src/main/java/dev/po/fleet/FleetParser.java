package dev.po.fleet;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Turns registry text into a {@link Fleet}, collecting every static problem (syntax, schema, names,
 * harness references, shared locations) instead of stopping at the first.
 */
final class FleetParser {
  private static final Set<String> DEFAULTS_KEYS = Set.of("projects_dir", "harness");
  private static final Set<String> HARNESS_KEYS = Set.of("url", "launcher");
  private static final Set<String> PROJECT_KEYS = Set.of("location", "harness", "ref", "enabled");

  /** A project that parsed well enough to be checked against the disk, with where it was written. */
  record Located(ProjectEntry entry, int[] header, int[] location, int[] ref) {}

  /**
   * The outcome of parsing: the fleet when there are no problems, else {@code null}; the problems
   * in file order; and every well-formed project and harness, for the disk checks.
   */
  record Parsed(
      Fleet fleet, List<Problem> problems, Defaults defaults, List<Located> projects, Map<String, Harness> harnesses) {}

  private final Path file;
  private final Path folder;
  /** Resolves paths as the fleet will; empty, so it needs nothing parsed yet. */
  private final Fleet paths;
  private final List<Problem> problems = new ArrayList<>();
  private TomlTable root;
  private boolean syntaxBroken;

  private FleetParser(Path file, Path folder) {
    this.file = file;
    this.folder = folder;
    this.paths = Fleet.empty(folder);
  }

  /** Parses {@code text} as the registry {@code file} whose relative paths resolve against {@code folder}. */
  static Parsed parse(Path file, Path folder, String text) {
    return new FleetParser(file, folder).run(text);
  }

  private Parsed run(String text) {
    TomlParseResult result;
    try {
      result = Toml.parse(text);
    } catch (RuntimeException | StackOverflowError e) {
      // tomlj reports errors as values; anything thrown is a parser limit (say, absurd nesting).
      problems.add(new Problem(file, 1, 1, "cannot parse: " + e.getClass().getSimpleName()));
      return new Parsed(null, List.copyOf(problems), Defaults.NONE, List.of(), Map.of());
    }
    Set<Integer> brokenLines = new HashSet<>();
    List<Problem> all = new ArrayList<>();
    for (TomlParseError e : result.errors()) {
      TomlPosition p = e.position();
      int line = Math.max(1, p == null ? 1 : p.line());
      int col = Math.max(1, p == null ? 1 : p.column());
      brokenLines.add(line);
      all.add(new Problem(file, line, col, e.getMessage()));
    }
    syntaxBroken = !brokenLines.isEmpty();
    Set<Integer> echoLines = sectionsOfBrokenHeaders(text, brokenLines);
    root = result;

    Defaults defaults = readDefaults();
    Map<String, Harness> harnesses = readHarnesses();
    List<Located> projects = readProjects(defaults, harnesses);
    for (String key : root.keySet()) {
      if (!key.equals("defaults") && !key.equals("harnesses") && !key.equals("projects")) {
        int[] at = pos(List.of(key));
        String what = root.isTable(List.of(key)) ? "unknown table [" + key + "]" : "unknown key '" + key + "' at the top level";
        problem(at, what);
      }
    }
    if (defaults.harness() != null && !harnesses.containsKey(defaults.harness())
        && !harnessDeclaredButBroken(defaults.harness())
        && root.isString(List.of("defaults", "harness"))) {
      problem(pos(List.of("defaults", "harness")), "[defaults] names undeclared harness '" + defaults.harness() + "'");
    }
    Map<Path, String> locations = new HashMap<>();
    for (Located l : projects) {
      Path at = paths.pathOf(l.entry());
      String other = locations.putIfAbsent(at, l.entry().name());
      if (other != null) {
        problem(l.location(), "projects '" + other + "' and '" + l.entry().name() + "' share location " + at);
      }
    }

    for (Problem p : problems) {
      // A schema problem on a line tomlj could not parse, or under a table header it refused (the
      // keys below a duplicate [projects] land in the first one), only repeats the syntax error.
      if (!brokenLines.contains(p.line()) && !echoLines.contains(p.line())) {
        all.add(p);
      }
    }
    all.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    Fleet fleet = null;
    if (all.isEmpty()) {
      fleet = new Fleet(folder, defaults, List.copyOf(harnesses.values()), projects.stream().map(Located::entry).toList());
    }
    return new Parsed(fleet, List.copyOf(all), defaults, List.copyOf(projects), harnesses);
  }

  /** The lines below each header line tomlj refused, up to the next header. */
  private static Set<Integer> sectionsOfBrokenHeaders(String text, Set<Integer> brokenLines) {
    Set<Integer> lines = new HashSet<>();
    String[] all = text.split("\n", -1);
    for (int broken : brokenLines) {
      if (broken > all.length || !all[broken - 1].strip().startsWith("[")) {
        continue;
      }
      for (int l = broken + 1; l <= all.length && !all[l - 1].strip().startsWith("["); l++) {
        lines.add(l);
      }
    }
    return lines;
  }

  private Defaults readDefaults() {
    List<String> path = List.of("defaults");
    if (!root.contains(path)) {
      return Defaults.NONE;
    }
    if (!requireTable(path, "defaults")) {
      return Defaults.NONE;
    }
    unknownKeys(path, DEFAULTS_KEYS, "[defaults]");
    String dir = path(path, "projects_dir", string(path, "projects_dir"));
    String harness = string(path, "harness");
    if (harness != null && !Names.isValid(harness)) {
      problem(pos(append(path, "harness")), Names.invalid("harness", harness));
      harness = null;
    }
    return new Defaults(dir, harness);
  }

  private Map<String, Harness> readHarnesses() {
    Map<String, Harness> harnesses = new java.util.LinkedHashMap<>();
    List<String> top = List.of("harnesses");
    if (!root.contains(top) || !requireTable(top, "harnesses")) {
      return harnesses;
    }
    for (String name : sortedKeys(root.getTable(top), top)) {
      List<String> path = List.of("harnesses", name);
      if (!requireTable(path, "harnesses." + name)) {
        continue;
      }
      boolean ok = true;
      if (!Names.isValid(name)) {
        problem(pos(path), Names.invalid("harness", name));
        ok = false;
      }
      unknownKeys(path, HARNESS_KEYS, "[harnesses." + name + "]");
      String url = string(path, "url");
      if (url == null) {
        if (!root.contains(append(path, "url"))) {
          missing(path, "harness '" + name + "' has no url");
        }
        ok = false;
      }
      List<String> launcher = launcher(path);
      if (launcher != null && launcher.isEmpty()) {
        ok = false;
      }
      if (ok) {
        harnesses.put(name, new Harness(name, url, launcher));
      }
    }
    return harnesses;
  }

  private List<String> launcher(List<String> harness) {
    List<String> path = append(harness, "launcher");
    Object value = root.get(path);
    if (value == null) {
      return null;
    }
    if (!(value instanceof TomlArray array) || !allStrings(array)) {
      problem(pos(path), "'launcher' must be an array of strings, not " + typeOf(value));
      return List.of();
    }
    if (array.isEmpty()) {
      problem(pos(path), "'launcher' must not be empty");
      return List.of();
    }
    List<String> argv = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      argv.add(array.getString(i));
    }
    return argv;
  }

  private static boolean allStrings(TomlArray array) {
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof String)) {
        return false;
      }
    }
    return true;
  }

  private List<Located> readProjects(Defaults defaults, Map<String, Harness> harnesses) {
    List<Located> projects = new ArrayList<>();
    List<String> top = List.of("projects");
    if (!root.contains(top) || !requireTable(top, "projects")) {
      return projects;
    }
    for (String name : sortedKeys(root.getTable(top), top)) {
      List<String> path = List.of("projects", name);
      if (!requireTable(path, "projects." + name)) {
        continue;
      }
      boolean ok = true;
      if (!Names.isValid(name)) {
        problem(pos(path), Names.invalid("project", name));
        ok = false;
      }
      unknownKeys(path, PROJECT_KEYS, "[projects." + name + "]");
      String location = path(path, "location", string(path, "location"));
      String harness = string(path, "harness");
      String ref = string(path, "ref");
      Object enabledValue = root.get(append(path, "enabled"));
      boolean enabled = true;
      if (enabledValue instanceof Boolean b) {
        enabled = b;
      } else if (enabledValue != null) {
        problem(pos(append(path, "enabled")), "'enabled' must be a boolean, not " + typeOf(enabledValue));
        ok = false;
      }
      if (location == null) {
        if (!root.contains(append(path, "location"))) {
          missing(path, "project '" + name + "' has no location");
        }
        ok = false;
      }
      if (ref != null && !Names.isValidRef(ref)) {
        problem(pos(append(path, "ref")), Names.invalidRef(ref));
        ok = false;
      } else if (ref == null) {
        if (!root.contains(append(path, "ref"))) {
          missing(path, "project '" + name + "' has no ref");
        }
        ok = false;
      }
      if (harness != null && !Names.isValid(harness)) {
        problem(pos(append(path, "harness")), Names.invalid("harness", harness));
        ok = false;
      } else if (harness != null && !harnesses.containsKey(harness) && !harnessDeclaredButBroken(harness)) {
        problem(pos(append(path, "harness")), "project '" + name + "' names undeclared harness '" + harness + "'");
        ok = false;
      } else if (harness == null && defaults.harness() == null && !root.contains(List.of("defaults", "harness"))) {
        problem(pos(path), "project '" + name + "' has no harness and [defaults] names none");
        ok = false;
      }
      if (ok) {
        projects.add(new Located(
            new ProjectEntry(name, location, harness, ref, enabled),
            pos(path), pos(append(path, "location")), pos(append(path, "ref"))));
      }
    }
    return projects;
  }

  /** A harness table that exists but has its own problems is reported there, not as undeclared. */
  private boolean harnessDeclaredButBroken(String harness) {
    return root.contains(List.of("harnesses", harness));
  }

  /**
   * Reads a string key: reports a wrong type or a blank value and returns {@code null} then;
   * returns {@code null} silently when the key is absent (the caller knows whether it must be there).
   */
  private String string(List<String> table, String key) {
    List<String> path = append(table, key);
    Object value = root.get(path);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      problem(pos(path), "'" + key + "' must be a string, not " + typeOf(value));
      return null;
    }
    if (s.isBlank()) {
      problem(pos(path), "'" + key + "' must not be empty");
      return null;
    }
    return s;
  }

  /** A path value that cannot be a path on this system (a NUL, say) is a problem, not a crash later. */
  private String path(List<String> table, String key, String value) {
    if (value == null) {
      return null;
    }
    try {
      paths.resolve(value);
      return value;
    } catch (InvalidPathException e) {
      problem(pos(append(table, key)), "'" + key + "' is not a valid path: " + e.getReason());
      return null;
    }
  }

  private boolean requireTable(List<String> path, String dotted) {
    Object value = root.get(path);
    if (value instanceof TomlTable) {
      return true;
    }
    problem(pos(path), "'" + dotted + "' must be a table, not " + typeOf(value));
    return false;
  }

  private void unknownKeys(List<String> table, Set<String> known, String where) {
    // problems are sorted at the end: no need to order the keys here
    for (String key : root.getTable(table).keySet()) {
      if (!known.contains(key)) {
        problem(pos(append(table, key)), "unknown key '" + key + "' in " + where);
      }
    }
  }

  /** A missing required key is usually the echo of a syntax error on its line: say it only when the syntax is sound. */
  private void missing(List<String> table, String message) {
    if (!syntaxBroken) {
      problem(pos(table), message);
    }
  }

  /** Keys in file order, so problems come out in the order an operator reads them. */
  private List<String> sortedKeys(TomlTable table, List<String> path) {
    Map<String, int[]> at = new HashMap<>();
    for (String k : table.keySet()) {
      at.put(k, pos(append(path, k)));
    }
    List<String> keys = new ArrayList<>(table.keySet());
    keys.sort(Comparator.comparingInt((String k) -> at.get(k)[0]).thenComparingInt(k -> at.get(k)[1]));
    return keys;
  }

  private int[] pos(List<String> path) {
    TomlPosition p = root.inputPositionOf(path);
    return p == null ? new int[] {1, 1} : new int[] {Math.max(1, p.line()), Math.max(1, p.column())};
  }

  private void problem(int[] at, String message) {
    problems.add(new Problem(file, at[0], at[1], message));
  }

  private static List<String> append(List<String> path, String key) {
    List<String> p = new ArrayList<>(path);
    p.add(key);
    return p;
  }

  /** The TOML name of a value's type, for messages such as {@code must be a boolean, not a string}. */
  static String typeOf(Object value) {
    if (value instanceof String) {
      return "a string";
    } else if (value instanceof Long) {
      return "an integer";
    } else if (value instanceof Double) {
      return "a float";
    } else if (value instanceof Boolean) {
      return "a boolean";
    } else if (value instanceof TomlArray) {
      return "an array";
    } else if (value instanceof TomlTable) {
      return "a table";
    } else if (value instanceof OffsetDateTime || value instanceof LocalDateTime) {
      return "a date-time";
    } else if (value instanceof LocalDate) {
      return "a date";
    } else if (value instanceof LocalTime) {
      return "a time";
    }
    return "nothing";
  }
}
