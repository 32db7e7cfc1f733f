package dev.po.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.InflaterInputStream;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Repository;

/**
 * The fast path of {@link EngineReader#inspect}: reads HEAD, its commit, its tree and .gitmodules
 * straight from the files git writes (refs, packed-refs, loose objects), which is several times
 * faster than opening a JGit repository and is all a status of hundreds of projects needs. Freshly
 * made projects keep their objects loose; whenever something is not where this path looks (a
 * packed object, a worktree, another object format) it answers {@code null} and JGit reads the
 * repository instead, so the two never disagree on what they both can read. Every such fallback
 * says why through {@link FastPath}, so a bug here shows as a reason, not as silent slowness.
 */
final class LooseInspect {
  private static final HexFormat HEX = HexFormat.of();
  /**
   * The engine module name by .gitmodules blob id: a blob's content never changes, and projects of
   * one harness mostly share the same .gitmodules, so each is parsed once.
   */
  private static final Map<String, String> MODULE_NAMES = new ConcurrentHashMap<>();

  private LooseInspect() {}

  /** The inspection of the directory {@code root}, or {@code null} to let JGit decide. */
  static Inspection inspect(Path root) {
    try {
      Path gitDir = gitDir(root);
      if (gitDir == null) {
        return FastPath.fellBack(root, "no .git folder, or a .git file naming none");
      }
      if (Files.exists(gitDir.resolve("commondir"))) {
        return FastPath.fellBack(root, "a linked worktree (its refs and objects are in the common folder)");
      }
      String format = unusualFormat(gitDir);
      if (format != null) {
        return FastPath.fellBack(root, format);
      }
      String head = resolveHead(gitDir);
      if (head == null) {
        return FastPath.fellBack(root, "HEAD is not a loose or packed ref to a commit id");
      }
      byte[] commit = object(gitDir, head, "commit");
      if (commit == null) {
        return FastPath.fellBack(root, "commit " + head + " is not a loose object (packed, or in an alternate)");
      }
      String text = new String(commit, 0, Math.min(commit.length, 100), StandardCharsets.ISO_8859_1);
      if (!text.startsWith("tree ") || text.length() < 45) {
        return FastPath.fellBack(root, "commit " + head + " does not start with its tree");
      }
      byte[] tree = object(gitDir, text.substring(5, 45), "tree");
      if (tree == null) {
        return FastPath.fellBack(root, "tree " + text.substring(5, 45) + " is not a loose object");
      }
      String pin = null;
      String modules = null;
      int i = 0;
      while (i < tree.length) {
        int space = indexOf(tree, (byte) ' ', i);
        int nul = indexOf(tree, (byte) 0, space);
        if (space < 0 || nul < 0 || nul + 21 > tree.length) {
          return FastPath.fellBack(root, "tree " + text.substring(5, 45) + " is not in the format read here");
        }
        String mode = new String(tree, i, space - i, StandardCharsets.ISO_8859_1);
        String name = new String(tree, space + 1, nul - space - 1, StandardCharsets.UTF_8);
        String id = HEX.formatHex(tree, nul + 1, nul + 21);
        if (name.equals("engine") && mode.equals("160000")) {
          pin = id;
        } else if (name.equals(".gitmodules") && mode.startsWith("100")) {
          modules = id;
        }
        i = nul + 21;
      }
      if (pin == null || modules == null) {
        return new Inspection(root, Inspection.Kind.NO_ENGINE, null, null);
      }
      String moduleName = MODULE_NAMES.get(modules);
      if (moduleName == null) {
        byte[] blob = object(gitDir, modules, "blob");
        if (blob == null) {
          return FastPath.fellBack(root, ".gitmodules blob " + modules + " is not a loose object");
        }
        moduleName = engineModuleName(new String(blob, StandardCharsets.UTF_8));
        MODULE_NAMES.put(modules, moduleName == null ? "" : moduleName);
      }
      if (moduleName.isEmpty()) {
        moduleName = null;
      }
      if (moduleName == null) {
        return new Inspection(root, Inspection.Kind.NO_ENGINE, null, null);
      }
      return new Inspection(root, Inspection.Kind.SOUND, pin, engineGitDir(gitDir, root, moduleName));
    } catch (IOException | RuntimeException e) {
      return FastPath.fellBack(root, e);
    }
  }

  /**
   * Why the repository in {@code gitDir} is not in the format read here (sha256 object ids,
   * reftable refs, any other extension), or {@code null} when it is the classic one.
   */
  static String unusualFormat(Path gitDir) throws IOException {
    if (Files.isDirectory(gitDir.resolve("reftable"))) {
      return "reftable refs";
    }
    Path file = gitDir.resolve("config");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!text.toLowerCase(java.util.Locale.ROOT).contains("[extensions")) {
      return null;
    }
    Config config = new Config();
    try {
      config.fromText(text);
    } catch (ConfigInvalidException e) {
      return "an unreadable config (" + e.getMessage() + ")";
    }
    for (String name : config.getNames("extensions")) {
      String value = config.getString("extensions", null, name);
      // worktreeConfig changes nothing this path reads; every other extension may
      if (!name.equalsIgnoreCase("worktreeconfig")) {
        return "repository extension " + name + " = " + value;
      }
    }
    return null;
  }

  /** {@code root/.git} as a folder, or the folder a {@code .git} file names; {@code null} otherwise. */
  static Path gitDir(Path root) throws IOException {
    Path dotGit = root.resolve(".git");
    if (Files.isDirectory(dotGit)) {
      return Files.isRegularFile(dotGit.resolve("HEAD")) ? dotGit : null;
    }
    if (Files.isRegularFile(dotGit)) {
      String line = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
      if (!line.startsWith("gitdir:")) {
        return null;
      }
      Path dir = root.resolve(line.substring(7).strip()).normalize();
      return Files.isRegularFile(dir.resolve("HEAD")) ? dir : null;
    }
    return null;
  }

  private static String resolveHead(Path gitDir) throws IOException {
    String value = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.ISO_8859_1).strip();
    for (int depth = 0; depth < 5 && value.startsWith("ref:"); depth++) {
      String name = value.substring(4).strip();
      if (!name.startsWith("refs/") || !Repository.isValidRefName(name)) {
        return null; // never a path outside refs/: let JGit judge such a HEAD
      }
      Path loose = gitDir.resolve(name);
      if (Files.isRegularFile(loose)) {
        value = Files.readString(loose, StandardCharsets.ISO_8859_1).strip();
      } else {
        Map<String, String[]> packed = LooseRefs.packedRefs(gitDir);
        String[] entry = packed == null ? null : packed.get(name);
        if (entry == null) {
          return null;
        }
        value = entry[0];
      }
    }
    return value.length() == 40 && RefLookup.isHex(value) ? value : null;
  }

  /** The content of a loose object of {@code type}, or {@code null} when it is not loose. */
  static byte[] object(Path gitDir, String id, String type) throws IOException {
    Path file = gitDir.resolve("objects").resolve(id.substring(0, 2)).resolve(id.substring(2));
    byte[] raw;
    try (InputStream in = new InflaterInputStream(Files.newInputStream(file))) {
      raw = readAll(in);
    } catch (NoSuchFileException e) {
      return null;
    }
    int nul = indexOf(raw, (byte) 0, 0);
    if (nul < 0) {
      return null;
    }
    String header = new String(raw, 0, nul, StandardCharsets.ISO_8859_1);
    if (!header.startsWith(type + " ")) {
      return null;
    }
    byte[] body = new byte[raw.length - nul - 1];
    System.arraycopy(raw, nul + 1, body, 0, body.length);
    return body;
  }

  static String engineModuleName(String gitmodules) {
    Config config = new Config();
    try {
      config.fromText(gitmodules);
    } catch (ConfigInvalidException e) {
      return null;
    }
    for (String name : config.getSubsections("submodule")) {
      if ("engine".equals(config.getString("submodule", name, "path"))) {
        return name;
      }
    }
    return null;
  }

  /** Where the engine submodule's repository lives once initialised: {@code modules/NAME}, or {@code engine/.git}. */
  static Path engineGitDir(Path gitDir, Path root, String name) throws IOException {
    Path modules = gitDir.resolve("modules").resolve(name);
    if (Files.isDirectory(modules)) {
      return modules;
    }
    return gitDir(root.resolve("engine"));
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    in.transferTo(out);
    return out.toByteArray();
  }

  private static int indexOf(byte[] b, byte value, int from) {
    if (from < 0) {
      return -1;
    }
    for (int i = from; i < b.length; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
