package dev.po.doctests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How runbooks are read into blocks, and how shown output is compared. */
class BlocksTest {
  private static final String DOC = String.join("\n",
      "# Title",
      "```sh",
      "echo one",
      "```",
      "```output",
      "one",
      "```",
      "## Other",
      "```toml",
      "[a]",
      "```",
      "1. step",
      "",
      "   ```bash",
      "   cd somewhere",
      "   ```",
      "```sh skip: needs nix",
      "nix develop",
      "```",
      "<!-- sandbox",
      "setup here",
      "-->",
      "```bash",
      "echo two",
      "```",
      "");

  @Test
  void runBlocksInOrderWithTheirOutputAndHiddenSetup() {
    List<Blocks.Block> b = Blocks.parse(DOC, null).blocks();
    assertEquals(4, b.size(), b::toString);
    assertEquals(new Blocks.Block(2, "echo one\n", "one\n", false), b.get(0));
    assertEquals(new Blocks.Block(14, "cd somewhere\n", null, false), b.get(1));
    assertEquals(new Blocks.Block(20, "setup here\n", null, true), b.get(2));
    assertEquals("echo two\n", b.get(3).script());
  }

  @Test
  void aSectionLimitsTheBlocks() {
    List<Blocks.Block> b = Blocks.parse(DOC, "Other").blocks();
    assertEquals(List.of("cd somewhere\n", "setup here\n", "echo two\n"), b.stream().map(Blocks.Block::script).toList());
    assertTrue(Blocks.parse(DOC, "Nowhere").blocks().isEmpty());
  }

  @Test
  void anUnknownShellMarkingOrAStrayOutputIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Blocks.parse("```sh norun\nx\n```\n", null));
    assertThrows(IllegalArgumentException.class, () -> Blocks.parse("```sh skip:\nx\n```\n", null));
    assertThrows(IllegalArgumentException.class, () -> Blocks.parse("```output\nx\n```\n", null));
    assertThrows(IllegalArgumentException.class, () -> Blocks.parse("```sh\nx\n", null));
    assertNull(Blocks.parse("```sh\nx\n```\n", null).blocks().get(0).shown());
  }

  @Test
  void shownOutputMatchesLineByLineWithWildcards() {
    assertTrue(Blocks.matches("a\nb\n", "a\nb\n"));
    assertTrue(Blocks.matches("a\nb", "a  \nb\n\n"), "trailing spaces and blank lines");
    assertFalse(Blocks.matches("a\nb\n", "a\nc\n"));
    assertFalse(Blocks.matches("a\n", "a\nb\n"), "an extra line");
    assertFalse(Blocks.matches("a\nb\n", "a\n"), "a missing line");
    assertTrue(Blocks.matches("pin [...] at v1 ([...])\n", "pin engine at v1 (abc123)\n"));
    assertFalse(Blocks.matches("pin [...] at v1\n", "pin engine at v2\n"));
    assertTrue(Blocks.matches("first\n[...]\nlast\n", "first\nx\ny\nlast\n"));
    assertTrue(Blocks.matches("first\n[...]\nlast\n", "first\nlast\n"));
    assertFalse(Blocks.matches("first\n[...]\nlast\n", "first\nx\n"));
    assertTrue(Blocks.matches("a.b (c)*\n", "a.b (c)*\n"), "regex characters are literal");
    assertFalse(Blocks.matches("a.b\n", "axb\n"));
  }

  @Test
  void theRunbooksParse() throws Exception {
    for (RunbooksIT.Runbook book : RunbooksIT.RUNBOOKS) {
      String text = Files.readString(RunbooksIT.repo().resolve(book.path()));
      assertFalse(Blocks.parse(text, book.section()).blocks().isEmpty(), book.path());
    }
  }
}
