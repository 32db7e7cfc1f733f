package dev.po.fleet;

import dev.po.toml.TomlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a change of {@link Fleet} value into the smallest change of the operator's text: the diff
 * of the two values becomes value replacements, inserted or removed key lines, and appended or
 * removed tables. Every byte outside those spans stays as it was.
 */
final class FleetEditor {
  private String text;

  private FleetEditor(String text) {
    this.text = text;
  }

  /** The text of {@code before} (written as {@code text}) changed to say {@code after}. */
  static String edit(String text, Fleet before, Fleet after) {
    if (!before.folder().equals(after.folder())) {
      throw new EditRefusedException("cannot move a fleet to another folder by editing fleet.toml");
    }
    requireOrder("harness", names(before.harnesses(), Harness::name), names(after.harnesses(), Harness::name));
    requireOrder("project", names(before.projects(), ProjectEntry::name), names(after.projects(), ProjectEntry::name));
    FleetEditor e = new FleetEditor(text);
    e.defaults(before.defaults(), after.defaults());
    e.harnesses(before, after);
    e.projects(before, after);
    return e.text;
  }

  private void defaults(Defaults before, Defaults after) {
    List<String> table = List.of("defaults");
    optionalString(table, "projects_dir", before.projectsDir(), after.projectsDir());
    optionalString(table, "harness", before.harness(), after.harness());
  }

  private void harnesses(Fleet before, Fleet after) {
    for (Harness old : before.harnesses()) {
      if (after.harness(old.name()).isEmpty()) {
        removeTable(List.of("harnesses", old.name()));
      }
    }
    for (Harness h : after.harnesses()) {
      List<String> table = List.of("harnesses", h.name());
      Harness old = before.harness(h.name()).orElse(null);
      if (old == null) {
        insertHarness(h);
        continue;
      }
      if (!old.url().equals(h.url())) {
        setKey(table, "url", TomlText.string(h.url()));
      }
      if (!old.launcher().equals(h.launcher())) {
        setKey(table, "launcher", TomlText.strings(h.launcher()));
      }
    }
  }

  private void projects(Fleet before, Fleet after) {
    for (ProjectEntry old : before.projects()) {
      if (after.project(old.name()).isEmpty()) {
        removeTable(List.of("projects", old.name()));
      }
    }
    for (ProjectEntry p : after.projects()) {
      ProjectEntry old = before.project(p.name()).orElse(null);
      if (old == null) {
        appendTable(projectTable(p));
        continue;
      }
      List<String> table = List.of("projects", p.name());
      if (!old.location().equals(p.location())) {
        setKey(table, "location", TomlText.string(p.location()));
      }
      optionalString(table, "harness", old.harness(), p.harness());
      if (!old.ref().equals(p.ref())) {
        setKey(table, "ref", TomlText.string(p.ref()));
      }
      if (old.enabled() != p.enabled()) {
        TomlDocument doc = TomlDocument.scan(text);
        if (doc.entry(append(table, "enabled")) == null && p.enabled()) {
          // disabled, yet no enabled line of its own: the false is written inline or dotted
          throw unsupported(table);
        }
        setKey(table, "enabled", Boolean.toString(p.enabled()));
      }
    }
  }

  private String projectTable(ProjectEntry p) {
    String nl = TomlDocument.scan(text).newline();
    StringBuilder b = new StringBuilder();
    b.append("[projects.").append(TomlText.key(p.name())).append(']').append(nl);
    b.append("location = ").append(TomlText.string(p.location())).append(nl);
    if (p.harness() != null) {
      b.append("harness = ").append(TomlText.string(p.harness())).append(nl);
    }
    b.append("ref = ").append(TomlText.string(p.ref())).append(nl);
    if (!p.enabled()) {
      b.append("enabled = false").append(nl);
    }
    return b.toString();
  }

  /** A new harness goes after the last declared one, so harnesses stay together; else at the end. */
  private void insertHarness(Harness h) {
    String nl = TomlDocument.scan(text).newline();
    StringBuilder b = new StringBuilder();
    b.append("[harnesses.").append(TomlText.key(h.name())).append(']').append(nl);
    b.append("url = ").append(TomlText.string(h.url())).append(nl);
    if (!h.launcher().equals(Harness.DEFAULT_LAUNCHER)) {
      b.append("launcher = ").append(TomlText.strings(h.launcher())).append(nl);
    }
    TomlDocument doc = TomlDocument.scan(text);
    TomlDocument.Header last = null;
    for (TomlDocument.Header header : doc.headers) {
      if (header.path().size() == 2 && header.path().get(0).equals("harnesses")) {
        last = header;
      }
    }
    if (last == null) {
      appendTable(b.toString());
    } else {
      insertTable(doc.bodyEnd(last), b.toString());
    }
  }

  private void optionalString(List<String> table, String key, String before, String after) {
    if (Objects.equals(before, after)) {
      return;
    }
    if (after == null) {
      removeKey(table, key);
    } else {
      setKey(table, key, TomlText.string(after));
    }
  }

  /** Replaces the value of {@code table.key}, or adds the key after the table's last key line. */
  private void setKey(List<String> table, String key, String literal) {
    TomlDocument doc = TomlDocument.scan(text);
    TomlDocument.Entry entry = doc.entry(append(table, key));
    if (entry != null) {
      text = text.substring(0, entry.valueStart()) + literal + text.substring(entry.valueEnd());
      return;
    }
    TomlDocument.Header header = doc.header(table);
    if (header == null) {
      if (table.equals(List.of("defaults"))) {
        // [defaults] conventionally comes first: before the first table and the comments above it.
        int at = doc.headers.isEmpty() ? text.length() : doc.leadStart(doc.headers.get(0));
        insertTable(at, "[defaults]" + doc.newline() + key + " = " + literal + doc.newline());
        return;
      }
      throw unsupported(table);
    }
    List<TomlDocument.Entry> own = doc.entriesOf(header);
    int at = own.isEmpty() ? header.end() : own.get(own.size() - 1).end();
    String line = key + " = " + literal + doc.newline();
    if (at > 0 && text.charAt(at - 1) != '\n') {
      line = doc.newline() + line;
    }
    text = text.substring(0, at) + line + text.substring(at);
  }

  private void removeKey(List<String> table, String key) {
    TomlDocument.Entry entry = TomlDocument.scan(text).entry(append(table, key));
    if (entry == null) {
      throw unsupported(table);
    }
    text = text.substring(0, entry.start()) + text.substring(entry.end());
  }

  /**
   * Removes a table with the comment lines directly above and below it, and one blank line that
   * separated it from its neighbours, so removals do not pile up blank lines.
   */
  private void removeTable(List<String> table) {
    TomlDocument doc = TomlDocument.scan(text);
    TomlDocument.Header header = doc.header(table);
    if (header == null) {
      throw unsupported(table);
    }
    int start = doc.leadStart(header);
    int end = doc.bodyEnd(header);
    for (TomlDocument.Entry e : doc.entries) {
      if (startsWith(e.path(), table) && (e.start() < start || e.start() >= end)) {
        throw unsupported(table);
      }
    }
    String before = text.substring(0, start);
    String after = text.substring(end);
    int nl = after.indexOf('\n');
    if (nl >= 0 && after.substring(0, nl).isBlank()) {
      after = after.substring(nl + 1);
    } else {
      before = stripOneBlankLine(before);
    }
    text = before + after;
  }

  private void appendTable(String table) {
    insertTable(text.length(), table);
  }

  /** Inserts a table at {@code at}, separated from its neighbours by one blank line. */
  private void insertTable(int at, String table) {
    String nl = TomlDocument.scan(text).newline();
    String before = text.substring(0, at);
    String after = text.substring(at);
    StringBuilder b = new StringBuilder(before);
    if (!before.isEmpty() && !before.endsWith("\n")) {
      b.append(nl);
    }
    if (!before.isEmpty() && !isBlankLineEnd(b)) {
      b.append(nl);
    }
    b.append(table);
    if (!after.isEmpty() && !after.startsWith(nl)) {
      b.append(nl);
    }
    text = b.append(after).toString();
  }

  /** Whether the text ends with an empty line (two newlines, maybe with blanks between). */
  private static boolean isBlankLineEnd(CharSequence s) {
    String t = s.toString();
    int last = t.lastIndexOf('\n');
    int prev = t.lastIndexOf('\n', last - 1);
    return last >= 0 && t.substring(prev + 1, last).isBlank();
  }

  private static String stripOneBlankLine(String s) {
    if (isBlankLineEnd(s)) {
      int last = s.lastIndexOf('\n');
      return s.substring(0, s.lastIndexOf('\n', last - 1) + 1);
    }
    return s;
  }

  private static EditRefusedException unsupported(List<String> table) {
    return new EditRefusedException("cannot edit [" + String.join(".", table) + "] in place: write it as its own ["
        + String.join(".", table) + "] table with one key per line, then retry");
  }

  private static void requireOrder(String kind, List<String> before, List<String> after) {
    Set<String> old = Set.copyOf(before);
    List<String> kept = after.stream().filter(old::contains).toList();
    List<String> survivors = before.stream().filter(Set.copyOf(after)::contains).toList();
    List<String> added = after.stream().filter(n -> !old.contains(n)).toList();
    List<String> expected = new ArrayList<>(survivors);
    expected.addAll(added);
    if (!kept.equals(survivors) || !after.equals(expected)) {
      throw new EditRefusedException("cannot reorder " + kind + "s in fleet.toml: new " + kind
          + "s go last, the others keep their order (" + after.stream().collect(Collectors.joining(", ")) + ")");
    }
  }

  private static <T> List<String> names(List<T> items, java.util.function.Function<T, String> name) {
    return items.stream().map(name).toList();
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  private static List<String> append(List<String> path, String key) {
    List<String> p = new ArrayList<>(path);
    p.add(key);
    return p;
  }
}
