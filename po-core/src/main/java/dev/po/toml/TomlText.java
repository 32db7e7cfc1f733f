package dev.po.toml;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes TOML values as text, and reads back the escapes of basic strings in keys: the one TOML
 * writer of po-core (the registry's edits, a new project's agents.toml). Internal, not exported.
 */
public final class TomlText {
  private TomlText() {}

  /** A basic string, escaped so any Java string round-trips through tomlj. */
  public static String string(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\f' -> b.append("\\f");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\u%04X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  public static String strings(List<String> values) {
    return values.stream().map(TomlText::string).collect(Collectors.joining(", ", "[", "]"));
  }

  /** A key part: bare when it can be, else a basic string. */
  public static String key(String k) {
    return !k.isEmpty() && k.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'))
        ? k
        : string(k);
  }

  /** The content of a basic string without its quotes, escapes resolved. */
  public static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'b' -> b.append('\b');
        case 't' -> b.append('\t');
        case 'n' -> b.append('\n');
        case 'f' -> b.append('\f');
        case 'r' -> b.append('\r');
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'U' -> {
          b.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 9), 16));
          i += 8;
        }
        default -> b.append(e);
      }
    }
    return b.toString();
  }
}
