package dev.po.doctests;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell blocks of a Markdown runbook, in order, with the output each one shows. The marking
 * convention is the one docs/README.md describes:
 *
 * <ul>
 *   <li>a fence whose info string is {@code sh} or {@code bash} is run;
 *   <li>{@code sh skip: REASON} (or {@code bash skip: REASON}) is not run, and says why;
 *   <li>a fence with the info string {@code output} right after a run block is what that block
 *       prints (stdout and stderr together); {@code [...]} in a line stands for any text, a line
 *       that is only {@code [...]} for any number of lines;
 *   <li>{@code <!-- sandbox ... -->} holds commands run at that point but not shown to a reader
 *       (a precondition of the runbook, such as a harness published under a second tag).
 * </ul>
 *
 * Other fences ({@code toml}, {@code text}, {@code java}...) are text for the reader.
 */
record Blocks(List<Block> blocks) {

  /** One block to run: where it starts (1-based line of the fence), its script, its shown output or null. */
  record Block(int line, String script, String shown, boolean hidden) {
    Block {
      Objects.requireNonNull(script, "script");
    }
  }

  private static final Pattern FENCE = Pattern.compile("^( *)(```+)\\s*(.*)$");
  private static final Pattern RUN = Pattern.compile("(?:sh|bash)");
  private static final Pattern SKIP = Pattern.compile("(?:sh|bash) skip: \\S.*");

  Blocks {
    blocks = List.copyOf(blocks);
  }

  /**
   * Parses {@code markdown}; {@code section} limits it to the text under the {@code ## } heading
   * of that title (null: the whole document). Refuses a fence it cannot classify, so that a typo
   * in a marking does not silently turn a checked block into prose.
   */
  static Blocks parse(String markdown, String section) {
    List<String> lines = markdown.lines().toList();
    List<Block> blocks = new ArrayList<>();
    boolean inSection = section == null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (section != null && line.startsWith("## ")) {
        inSection = line.substring(3).strip().equals(section);
      }
      if (line.strip().equals("<!-- sandbox")) {
        int end = indexOf(lines, i + 1, "-->");
        if (inSection) {
          blocks.add(new Block(i + 1, String.join("\n", lines.subList(i + 1, end)) + "\n", null, true));
        }
        i = end;
        continue;
      }
      Matcher m = FENCE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String indent = m.group(1);
      String info = m.group(3).strip();
      int end = closing(lines, i + 1, m.group(2));
      String body = body(lines.subList(i + 1, end), indent);
      if (inSection) {
        if (info.equals("output")) {
          Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
          if (last == null || last.shown() != null || last.hidden()) {
            throw new IllegalArgumentException("line " + (i + 1) + ": an output block must follow a shell block");
          }
          blocks.set(blocks.size() - 1, new Block(last.line(), last.script(), body, false));
        } else if (RUN.matcher(info).matches()) {
          blocks.add(new Block(i + 1, body, null, false));
        } else if (info.startsWith("sh") || info.startsWith("bash")) {
          if (!SKIP.matcher(info).matches()) {
            throw new IllegalArgumentException("line " + (i + 1) + ": '```" + info
                + "': a shell block is run, or marked 'sh skip: REASON'");
          }
        }
      }
      i = end;
    }
    return new Blocks(blocks);
  }

  private static int closing(List<String> lines, int from, String fence) {
    for (int j = from; j < lines.size(); j++) {
      if (lines.get(j).strip().equals(fence)) {
        return j;
      }
    }
    throw new IllegalArgumentException("line " + from + ": a fence that is never closed");
  }

  private static int indexOf(List<String> lines, int from, String end) {
    for (int j = from; j < lines.size(); j++) {
      if (lines.get(j).strip().equals(end)) {
        return j;
      }
    }
    throw new IllegalArgumentException("line " + from + ": a sandbox comment that is never closed");
  }

  /** The lines inside a fence, less the fence's own indentation (fences inside list items). */
  private static String body(List<String> lines, String indent) {
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      b.append(l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading()).append('\n');
    }
    return b.toString();
  }

  /**
   * Whether {@code actual} output matches the {@code shown} one: line by line, trailing spaces
   * ignored, {@code [...]} inside a line standing for any text and a line of only {@code [...]}
   * for any number of lines.
   */
  static boolean matches(String shown, String actual) {
    return matches(lines(shown), 0, lines(actual), 0);
  }

  private static boolean matches(List<String> shown, int s, List<String> actual, int a) {
    if (s == shown.size()) {
      return a == actual.size();
    }
    if (shown.get(s).equals("[...]")) {
      for (int k = a; k <= actual.size(); k++) {
        if (matches(shown, s + 1, actual, k)) {
          return true;
        }
      }
      return false;
    }
    return a < actual.size() && line(shown.get(s)).matcher(actual.get(a)).matches() && matches(shown, s + 1, actual, a + 1);
  }

  private static Pattern line(String shown) {
    StringBuilder regex = new StringBuilder();
    String[] parts = shown.split(Pattern.quote("[...]"), -1);
    for (int i = 0; i < parts.length; i++) {
      regex.append(Pattern.quote(parts[i]));
      if (i < parts.length - 1) {
        regex.append(".*");
      }
    }
    return Pattern.compile(regex.toString());
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    text.lines().forEach(l -> out.add(l.stripTrailing()));
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
