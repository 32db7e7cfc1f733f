package dev.po.fleet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void acceptsTheDocumentedShape() {
    assertTrue(Names.isValid("my-project"));
    assertTrue(Names.isValid("a"));
    assertTrue(Names.isValid("0_x-1"));
    assertTrue(Names.isValid("a".repeat(63)));
  }

  @Test
  void refusesWhatCannotBeAFolderOrTmuxSession() {
    assertFalse(Names.isValid(""));
    assertFalse(Names.isValid("-x"));
    assertFalse(Names.isValid("_x"));
    assertFalse(Names.isValid("My"));
    assertFalse(Names.isValid("a.b"));
    assertFalse(Names.isValid("a:b"));
    assertFalse(Names.isValid("a".repeat(64)));
    assertFalse(Names.isValid(null));
  }

  @Property
  void upperCaseLettersAreNeverValid(@ForAll @AlphaChars @StringLength(min = 1, max = 10) String s) {
    String upper = "a" + s.toUpperCase(java.util.Locale.ROOT);
    assertTrue(Names.isValid(upper) == upper.equals(upper.toLowerCase(java.util.Locale.ROOT)));
  }
}
