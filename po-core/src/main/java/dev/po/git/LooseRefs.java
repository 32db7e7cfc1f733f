package dev.po.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fast path for refs in an engine repository: loose ref files and packed-refs, peeled with the
 * peeled lines git writes or loose tag objects. Like {@link LooseInspect}, it answers {@code null}
 * whenever it cannot be sure, and JGit answers instead.
 */
final class LooseRefs {
  private static final String PEELED = "\0peeled";
  private static final String FULLY_PEELED = "\0fully-peeled";

  private LooseRefs() {}

  /** {@code ref} as a tag or origin branch ({@link RefLookup}'s order), peeled to a commit; {@code null} when unsure or absent. */
  static RefLookup.Found find(Path gitDir, String ref) {
    try {
      String format = LooseInspect.unusualFormat(gitDir);
      if (format != null) {
        return FastPath.fellBack(gitDir, format);
      }
      Map<String, String[]> packed = packedRefs(gitDir);
      if (packed == null) {
        return FastPath.fellBack(gitDir, "packed-refs is not in the format read here");
      }
      for (String name : RefLookup.cloneNames(ref)) {
        String commit = peeled(gitDir, packed, name);
        if (commit != null) {
          return new RefLookup.Found(org.eclipse.jgit.lib.ObjectId.fromString(commit), name.startsWith("refs/tags/"));
        }
        if (Files.exists(gitDir.resolve(name)) || packed.containsKey(name)) {
          return FastPath.fellBack(gitDir, name + " points at an object that is not loose here");
        }
      }
      return null; // not a tag or an origin branch: JGit looks for a commit id
    } catch (IOException | RuntimeException e) {
      return FastPath.fellBack(gitDir, e);
    }
  }

  /** Commit to tag names of every tag, or {@code null} when one of them cannot be peeled here. */
  static Map<String, List<String>> tags(Path gitDir) {
    try {
      String format = LooseInspect.unusualFormat(gitDir);
      if (format != null) {
        return FastPath.fellBack(gitDir, format);
      }
      Map<String, String[]> packed = packedRefs(gitDir);
      if (packed == null) {
        return FastPath.fellBack(gitDir, "packed-refs is not in the format read here");
      }
      Map<String, String> names = new LinkedHashMap<>();
      for (String name : packed.keySet()) {
        if (name.startsWith("refs/tags/")) {
          names.put(name, null);
        }
      }
      Path tagsDir = gitDir.resolve("refs/tags");
      if (Files.isDirectory(tagsDir)) {
        try (Stream<Path> files = Files.walk(tagsDir)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            names.put("refs/tags/" + tagsDir.relativize(f).toString().replace('\\', '/'), null);
          }
        }
      }
      Map<String, List<String>> byCommit = new HashMap<>();
      for (String name : names.keySet()) {
        String commit = peeled(gitDir, packed, name);
        if (commit == null) {
          return FastPath.fellBack(gitDir, name + " points at an object that is not loose here");
        }
        byCommit.computeIfAbsent(commit, k -> new java.util.ArrayList<>()).add(name.substring("refs/tags/".length()));
      }
      return byCommit;
    } catch (IOException | RuntimeException e) {
      return FastPath.fellBack(gitDir, e);
    }
  }

  /** The commit {@code name} points at (through annotated tags), or {@code null}. */
  private static String peeled(Path gitDir, Map<String, String[]> packed, String name) throws IOException {
    Path loose = gitDir.resolve(name);
    String id;
    if (Files.isRegularFile(loose)) {
      id = Files.readString(loose, StandardCharsets.ISO_8859_1).strip();
    } else if (packed.containsKey(name)) {
      String[] entry = packed.get(name);
      if (entry[1] != null) {
        return entry[1];
      }
      // with these traits a ref without a peeled line is known not to be an annotated tag
      if (packed.containsKey(FULLY_PEELED) || (packed.containsKey(PEELED) && name.startsWith("refs/tags/"))) {
        return entry[0];
      }
      id = entry[0];
    } else {
      return null;
    }
    return peelObject(gitDir, id);
  }

  /** Follows loose tag objects to the commit; {@code null} when an object is not loose. */
  private static String peelObject(Path gitDir, String id) throws IOException {
    for (int depth = 0; depth < 5; depth++) {
      if (id.length() != 40 || !RefLookup.isHex(id)) {
        return null;
      }
      if (LooseInspect.object(gitDir, id, "commit") != null) {
        return id;
      }
      byte[] tag = LooseInspect.object(gitDir, id, "tag");
      if (tag == null) {
        return null;
      }
      String text = new String(tag, 0, Math.min(tag.length, 60), StandardCharsets.ISO_8859_1);
      if (!text.startsWith("object ") || text.length() < 47) {
        return null;
      }
      id = text.substring(7, 47);
    }
    return null;
  }

  /**
   * packed-refs as name to {id, peeled commit or null}; the keys {@link #PEELED} and
   * {@link #FULLY_PEELED} carry the file's traits (which refs have their peeled line, as git
   * documents for packed-refs); empty without the file, {@code null} when the format is unknown.
   * The one packed-refs parser of the fast path: HEAD's branch and engine refs alike.
   */
  static Map<String, String[]> packedRefs(Path gitDir) throws IOException {
    Map<String, String[]> refs = new HashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(gitDir.resolve("packed-refs"), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return refs;
    }
    String[] last = null;
    for (String line : lines) {
      if (line.startsWith("#")) {
        List<String> traits = List.of(line.substring(line.indexOf(':') + 1).trim().split(" "));
        if (traits.contains("fully-peeled")) {
          refs.put(FULLY_PEELED, new String[] {null, null});
        }
        if (traits.contains("peeled")) {
          refs.put(PEELED, new String[] {null, null});
        }
      } else if (line.startsWith("^") && last != null && line.length() == 41) {
        last[1] = line.substring(1);
      } else if (line.length() > 41 && line.charAt(40) == ' ') {
        last = new String[] {line.substring(0, 40), null};
        refs.put(line.substring(41), last);
      } else if (!line.isBlank()) {
        return null;
      }
    }
    return refs;
  }
}
