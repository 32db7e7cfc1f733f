package dev.po.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void columnsLineUpAndLinesHaveNoTrailingBlanks() {
    Table t = new Table("NAME", "REF", "STATE").row("alpha", "v0.1.0", "unknown").row("b", null, "x");
    assertEquals(
        "NAME   REF     STATE\n" + "alpha  v0.1.0  unknown\n" + "b      -       x\n", print(t));
  }

  @Test
  void aRowOfTheWrongWidthIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Table("A", "B").row("x"));
  }

  @Property
  void everyColumnStartsAtTheSameIndexOnEveryLine(
      @ForAll @Size(min = 1, max = 6) List<@AlphaChars @StringLength(min = 1, max = 12) String> cells) {
    String[] header = cells.stream().map(c -> "H").toArray(String[]::new);
    Table t = new Table(header).row(cells.toArray(String[]::new)).row(header);
    List<String> lines = print(t).lines().toList();
    int at = 0;
    for (int col = 0; col < cells.size(); col++) {
      // column col starts where the previous cell plus padding ended, the same on every line
      assertEquals(cells.get(col), lines.get(1).substring(at, at + cells.get(col).length()));
      assertEquals("H", lines.get(0).substring(at, at + 1));
      assertEquals("H", lines.get(2).substring(at, at + 1));
      at += Math.max(1, cells.get(col).length()) + 2;
    }
  }

  private static String print(Table t) {
    StringWriter s = new StringWriter();
    t.print(new PrintWriter(s, true));
    return s.toString();
  }
}
