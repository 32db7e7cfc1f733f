package dev.po.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The one rule: knowledge flows one way. The PO knows its projects; a project contains nothing
 * about the PO or the fleet. This check reads the files committed in the project's HEAD (never the
 * work tree, never submodules) and reports, per file:
 *
 * <ul>
 *   <li>a tracked file named {@code fleet.toml}, in any folder;
 *   <li>a tracked text file that mentions {@code fleet.toml}, {@code project-orchestrator} or
 *       {@code po fleet} as words (case-insensitive; not inside a longer name such as
 *       {@code myfleet.toml} or {@code hippo fleet}).
 * </ul>
 *
 * Skipped: gitlinks (the engine and any other submodule), {@code .gitmodules} (it must hold the
 * harness URL, wherever that is published), files over {@value #MAX_SIZE} bytes, and binary files
 * (a NUL byte in the first 8000 bytes, as git decides).
 */
public final class OneRule {
  static final int MAX_SIZE = 1 << 20;
  private static final String EDGE = "(?<![A-Za-z0-9_.-])";
  private static final String END = "(?![A-Za-z0-9_-])";
  private static final Pattern MENTION = Pattern.compile(
      EDGE + "(fleet\\.toml|project-orchestrator|po[ \\t]+fleet)" + END, Pattern.CASE_INSENSITIVE);

  private OneRule() {}

  /** Each way the project at {@code root} breaks the rule, e.g. {@code README.md mentions 'po fleet'}; empty when none. */
  public static List<String> violations(Path root) {
    List<String> found = new ArrayList<>();
    try (Repository repo = Repos.openWorkTree(root)) {
      if (repo == null) {
        return found;
      }
      ObjectId head = repo.resolve(Constants.HEAD);
      if (head == null) {
        return found;
      }
      try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo); ObjectReader reader = repo.newObjectReader()) {
        tw.addTree(rw.parseCommit(head).getTree());
        tw.setRecursive(true);
        while (tw.next()) {
          FileMode mode = tw.getFileMode(0);
          String path = tw.getPathString();
          if (mode == FileMode.GITLINK) {
            continue;
          }
          if (path.equals("fleet.toml") || path.endsWith("/fleet.toml")) {
            found.add("tracks " + path);
            continue;
          }
          if (path.equals(Constants.DOT_GIT_MODULES) || (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE)) {
            continue;
          }
          ObjectId blob = tw.getObjectId(0);
          if (reader.getObjectSize(blob, Constants.OBJ_BLOB) > MAX_SIZE) {
            continue;
          }
          byte[] bytes = reader.open(blob, Constants.OBJ_BLOB).getBytes();
          if (isBinary(bytes)) {
            continue;
          }
          // ISO-8859-1 maps every byte to one char: the ASCII words match whatever the real encoding
          Matcher m = MENTION.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
          if (m.find()) {
            found.add(path + " mentions '" + m.group(1) + "'");
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      found.add("cannot read its files: " + e.getMessage());
    }
    return found;
  }

  private static boolean isBinary(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
