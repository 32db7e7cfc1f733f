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

  @Test
  void refsAreTagsBranchesAndCommitIdsNotExpressions() {
    for (String ok : new String[] {"v0.1.0", "main", "feature/x", "origin/main", "0123abcd", "release-1.0"}) {
      assertTrue(Names.isValidRef(ok), ok);
    }
    for (String bad : new String[] {"HEAD", "FETCH_HEAD", "ORIG_HEAD", "main~1", "v0.1.0^{}", "../../ORIG_HEAD",
        "-x", "a b", "a:b", "a..b", "x.lock", "/x", "x/", "@", "a@{1}", "", "a\\b", "a?", "a*", "a[1]"}) {
      assertFalse(Names.isValidRef(bad), bad);
    }
  }

  /** Whatever passes never leaves refs/ once it is joined to a git folder as a path. */
  @Property
  void aValidRefStaysUnderRefs(@ForAll @StringLength(max = 12) String ref) {
    if (Names.isValidRef(ref)) {
      java.nio.file.Path tags = java.nio.file.Path.of("/git/refs/tags");
      assertTrue(tags.resolve(ref).normalize().startsWith(tags), ref);
      assertFalse(ref.contains("..") || ref.contains("~") || ref.contains("^") || ref.contains(":"), ref);
    }
  }

  @Property
  void aValidRefWithPathPartsStaysValidOnlyWithoutDotDot(@ForAll("parts") String a, @ForAll("parts") String b) {
    assertFalse(Names.isValidRef(a + "/../" + b));
    assertTrue(Names.isValidRef(a + "/" + b) == (Names.isValidRef(a) && Names.isValidRef(b)) || a.endsWith(".lock"));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> parts() {
    return net.jqwik.api.Arbitraries.strings().withChars("abcv0123456789.-_").ofMinLength(1).ofMaxLength(8)
        .filter(s -> !s.startsWith(".") && !s.endsWith(".") && !s.startsWith("-"));
  }
}
