package dev.po;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout tells the architecture, and this keeps it true: the API ({@code dev.po.project})
 * reaches projects only through the host seam ({@code dev.po.host}); this machine ({@code
 * dev.po.local}) and ssh ({@code dev.po.ssh}) never use each other; the registry ({@code
 * dev.po.fleet}) knows nothing of hosts or projects' lifecycles. Read from the sources, imports and
 * qualified names alike, comments left out.
 */
class LayersTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/po");
  private static final Pattern USE = Pattern.compile("\\bdev\\.po\\.([a-z]+)\\.");
  private static final Set<String> ALL =
      Set.of("project", "host", "local", "ssh", "wire", "fleet", "git", "process", "toml", "harness");

  /** The po-core packages the sources of {@code pkg} name, besides itself and {@code dev.po}. */
  static Set<String> uses(String pkg) throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = USE.matcher(withoutComments(Files.readString(f)));
        while (m.find()) {
          if (!m.group(1).equals(pkg) && ALL.contains(m.group(1))) {
            used.add(m.group(1));
          }
        }
      }
    }
    return used;
  }

  private static String withoutComments(String java) {
    return java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
  }

  @Test
  void theApiReachesProjectsOnlyThroughTheHostSeam() throws IOException {
    assertEquals(Set.of("fleet", "host"), uses("project"));
  }

  @Test
  void thisMachineAndSshNeverUseEachOther() throws IOException {
    Set<String> local = uses("local");
    Set<String> ssh = uses("ssh");
    Set<String> wire = uses("wire");
    assertTrue(!local.contains("ssh") && !local.contains("wire"), () -> "local uses " + local);
    assertTrue(!ssh.contains("local"), () -> "ssh uses " + ssh);
    assertTrue(!wire.contains("local") && !wire.contains("ssh"), () -> "wire uses " + wire);
  }

  @Test
  void theRegistryUsesNeitherHostsNorProjects() throws IOException {
    List<String> forbidden = new ArrayList<>(uses("fleet"));
    forbidden.retainAll(List.of("project", "host", "local", "ssh", "wire"));
    assertEquals(List.of(), forbidden);
  }

  @Test
  void theReaderSeesABrokenRule() throws IOException {
    // the check itself: a package known to use the seam is seen to
    Set<String> local = uses("local");
    Set<String> ssh = uses("ssh");
    assertTrue(local.contains("host"), () -> "local uses " + local);
    assertTrue(ssh.contains("wire"), () -> "ssh uses " + ssh);
  }
}
