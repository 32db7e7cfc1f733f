package dev.po.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain text table: a header and rows, columns padded to line up, no trailing blanks. Cells may
 * carry colour ({@link Colours}): padding counts only the characters that show.
 */
public final class Table {
  private static final String GAP = "  ";
  private static final Pattern ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  public Table(String... header) {
    this.columns = header.length;
    rows.add(header.clone());
  }

  /** Adds a row; {@code null} cells print as {@code -}. */
  public Table row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, the table " + columns + ": " + Arrays.toString(cells));
    }
    String[] r = new String[columns];
    for (int i = 0; i < columns; i++) {
      r[i] = cells[i] == null ? "-" : cells[i];
    }
    rows.add(r);
    return this;
  }

  public void print(PrintWriter out) {
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], shown(r[i]));
      }
    }
    StringBuilder line = new StringBuilder();
    for (String[] r : rows) {
      line.setLength(0);
      for (int i = 0; i < columns; i++) {
        line.append(r[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(width[i] - shown(r[i]))).append(GAP);
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static int shown(String cell) {
    return ESCAPE.matcher(cell).replaceAll("").length();
  }
}
