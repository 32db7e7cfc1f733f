package dev.po.fleet;

import dev.po.toml.TomlText;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a TOML text, as offsets: every table header and every key/value line, with the
 * exact span of each value. It is what lets an edit replace one value and leave every other byte
 * alone. It assumes text tomlj has already accepted; anything it cannot follow is an
 * {@link IllegalStateException}, which an edit turns into a refusal.
 */
final class TomlDocument {
  /** A {@code [a.b]} header line: {@code start} is its line start, {@code end} just past its newline. */
  record Header(List<String> path, int start, int end) {}

  /**
   * A {@code key = value} statement: {@code start} is its line start, {@code end} is just past the
   * newline after the value (and any trailing comment).
   */
  record Entry(List<String> path, int start, int valueStart, int valueEnd, int end) {}

  final String text;
  final List<Header> headers = new ArrayList<>();
  final List<Entry> entries = new ArrayList<>();
  private int pos;

  private TomlDocument(String text) {
    this.text = text;
  }

  static TomlDocument scan(String text) {
    TomlDocument d = new TomlDocument(text);
    d.scanAll();
    return d;
  }

  /** The line separator the file uses, so inserted lines match the operator's. */
  String newline() {
    return text.contains("\r\n") ? "\r\n" : "\n";
  }

  Header header(List<String> path) {
    return headers.stream().filter(h -> h.path().equals(path)).findFirst().orElse(null);
  }

  Entry entry(List<String> path) {
    return entries.stream().filter(e -> e.path().equals(path)).findFirst().orElse(null);
  }

  /**
   * Where the table under {@code header} ends: after its last key line and the comment lines
   * directly below it (a commented-out key belongs to its table); a comment after a blank line is
   * left to whatever follows.
   */
  int bodyEnd(Header header) {
    List<Entry> own = entriesOf(header);
    int end = own.isEmpty() ? header.end() : own.get(own.size() - 1).end();
    int limit = nextHeaderStart(header);
    while (end < limit) {
      int nl = text.indexOf('\n', end);
      int lineEnd = nl < 0 ? text.length() : nl + 1;
      if (!text.substring(end, lineEnd).strip().startsWith("#")) {
        break;
      }
      end = lineEnd;
    }
    return end;
  }

  private int nextHeaderStart(Header header) {
    int i = headers.indexOf(header);
    return i + 1 < headers.size() ? leadStart(headers.get(i + 1)) : text.length();
  }

  /** The start of the comment lines directly above {@code header} (no blank line between), or its own start. */
  int leadStart(Header header) {
    int start = header.start();
    while (start > 0) {
      int prev = text.lastIndexOf('\n', start - 2) + 1;
      String line = text.substring(prev, start).strip();
      if (!line.startsWith("#")) {
        break;
      }
      start = prev;
    }
    return start;
  }

  /** The entries written under {@code header} itself (not under a later header). */
  List<Entry> entriesOf(Header header) {
    int i = headers.indexOf(header);
    int limit = i + 1 < headers.size() ? headers.get(i + 1).start() : text.length();
    return entries.stream().filter(e -> e.start() >= header.end() && e.start() < limit).toList();
  }

  private void scanAll() {
    List<String> table = List.of();
    while (pos < text.length()) {
      int lineStart = pos;
      skipBlanks();
      if (pos >= text.length() || atNewline()) {
        skipToLineEnd();
      } else if (text.charAt(pos) == '#') {
        skipToLineEnd();
      } else if (text.charAt(pos) == '[') {
        pos++;
        boolean array = pos < text.length() && text.charAt(pos) == '[';
        if (array) {
          pos++;
        }
        List<String> path = key();
        expect(']');
        if (array) {
          expect(']');
        }
        skipToLineEnd();
        table = path;
        headers.add(new Header(path, lineStart, pos));
      } else {
        List<String> path = new ArrayList<>(table);
        path.addAll(key());
        expect('=');
        skipBlanks();
        int valueStart = pos;
        value();
        int valueEnd = pos;
        skipToLineEnd();
        entries.add(new Entry(List.copyOf(path), lineStart, valueStart, valueEnd, pos));
      }
    }
  }

  /** A dotted key, bare or quoted parts, surrounding blanks included. */
  private List<String> key() {
    List<String> parts = new ArrayList<>();
    while (true) {
      skipBlanks();
      char c = peek();
      if (c == '"') {
        int start = pos;
        basicString();
        parts.add(TomlText.unescape(text.substring(start + 1, pos - 1)));
      } else if (c == '\'') {
        int start = pos;
        pos = text.indexOf('\'', pos + 1) + 1;
        if (pos == 0) {
          throw fail("unterminated key");
        }
        parts.add(text.substring(start + 1, pos - 1));
      } else {
        int start = pos;
        while (pos < text.length() && isBare(text.charAt(pos))) {
          pos++;
        }
        if (start == pos) {
          throw fail("expected a key");
        }
        parts.add(text.substring(start, pos));
      }
      skipBlanks();
      if (pos < text.length() && text.charAt(pos) == '.') {
        pos++;
      } else {
        return parts;
      }
    }
  }

  private void value() {
    char c = peek();
    if (text.startsWith("\"\"\"", pos)) {
      multiline("\"\"\"", true);
    } else if (text.startsWith("'''", pos)) {
      multiline("'''", false);
    } else if (c == '"') {
      basicString();
    } else if (c == '\'') {
      pos = text.indexOf('\'', pos + 1) + 1;
      if (pos == 0) {
        throw fail("unterminated string");
      }
    } else if (c == '[') {
      pos++;
      while (true) {
        skipSpaceAndComments();
        if (peek() == ']') {
          pos++;
          return;
        }
        value();
        skipSpaceAndComments();
        if (peek() == ',') {
          pos++;
        }
      }
    } else if (c == '{') {
      pos++;
      while (true) {
        skipBlanks();
        if (peek() == '}') {
          pos++;
          return;
        }
        key();
        expect('=');
        skipBlanks();
        value();
        skipBlanks();
        if (peek() == ',') {
          pos++;
        }
      }
    } else {
      // numbers, booleans, dates (which may hold one space): up to a delimiter, minus trailing blanks
      int start = pos;
      while (pos < text.length() && ",]}#\r\n".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      while (pos > start && (text.charAt(pos - 1) == ' ' || text.charAt(pos - 1) == '\t')) {
        pos--;
      }
      if (pos == start) {
        throw fail("expected a value");
      }
    }
  }

  private void basicString() {
    pos++;
    while (pos < text.length() && text.charAt(pos) != '"') {
      if (text.charAt(pos) == '\\') {
        pos++;
      }
      pos++;
    }
    if (pos >= text.length()) {
      throw fail("unterminated string");
    }
    pos++;
  }

  private void multiline(String quotes, boolean escapes) {
    pos += 3;
    while (pos < text.length() && !text.startsWith(quotes, pos)) {
      if (escapes && text.charAt(pos) == '\\') {
        pos++;
      }
      pos++;
    }
    if (pos >= text.length()) {
      throw fail("unterminated string");
    }
    pos += 3;
    // up to two quotes may end the content right before the closing delimiter
    for (int i = 0; i < 2 && pos < text.length() && text.charAt(pos) == quotes.charAt(0); i++) {
      pos++;
    }
  }

  private static boolean isBare(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  private char peek() {
    if (pos >= text.length()) {
      throw fail("unexpected end of text");
    }
    return text.charAt(pos);
  }

  private void expect(char c) {
    skipBlanks();
    if (peek() != c) {
      throw fail("expected '" + c + "'");
    }
    pos++;
  }

  private boolean atNewline() {
    return text.charAt(pos) == '\n' || text.startsWith("\r\n", pos);
  }

  private void skipBlanks() {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private void skipSpaceAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pos++;
      } else if (c == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  /** Skips the rest of the line (blanks and a comment) and its newline. */
  private void skipToLineEnd() {
    int nl = text.indexOf('\n', pos);
    pos = nl < 0 ? text.length() : nl + 1;
  }

  private IllegalStateException fail(String what) {
    int line = 1;
    for (int i = 0; i < Math.min(pos, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return new IllegalStateException(what + " at line " + line);
  }
}
