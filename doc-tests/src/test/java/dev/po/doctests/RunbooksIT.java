package dev.po.doctests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The runbooks, followed literally: every shell block of the README's quick start,
 * docs/bootstrap.md and docs/manage-projects.md runs in order in a sandbox of its own (see {@link
 * Sandbox}), and must exit 0 and print what its {@code output} block shows. A runbook that drifts
 * from the tool breaks the build. The marking convention is in docs/README.md.
 */
class RunbooksIT {
  /** A runbook: a document, optionally one {@code ## } section of it. */
  record Runbook(String path, String section) {}

  static final List<Runbook> RUNBOOKS = List.of(
      new Runbook("README.md", "Quick start"),
      new Runbook("docs/bootstrap.md", null),
      new Runbook("docs/manage-projects.md", null));

  static Path repo() {
    return Path.of(System.getProperty("po.repo", "..")).toAbsolutePath().normalize();
  }

  @TestFactory
  List<DynamicNode> runbooks() throws IOException {
    List<DynamicNode> nodes = new ArrayList<>();
    for (Runbook book : RUNBOOKS) {
      nodes.add(container(book));
    }
    return nodes;
  }

  private DynamicContainer container(Runbook book) throws IOException {
    Blocks blocks = Blocks.parse(Files.readString(repo().resolve(book.path())), book.section());
    assertTrue(!blocks.blocks().isEmpty(), book.path() + ": no shell block to run");
    // one sandbox per runbook, made by its first block and removed after its last
    Sandbox[] sandbox = new Sandbox[1];
    String[] failed = new String[1];
    List<DynamicTest> tests = new ArrayList<>();
    for (Blocks.Block block : blocks.blocks()) {
      String where = book.path() + ":" + block.line();
      tests.add(DynamicTest.dynamicTest(where + (block.hidden() ? " (sandbox)" : ""), () -> {
        Assumptions.assumeTrue(failed[0] == null, () -> "not run: " + failed[0] + " failed before it");
        if (sandbox[0] == null) {
          sandbox[0] = new Sandbox(repo());
        }
        Sandbox.Ran ran = sandbox[0].block(block.script());
        if (ran.exit() != 0) {
          failed[0] = where;
          fail(where + ": the block exited " + ran.exit() + "\n--- block ---\n" + block.script() + "--- output ---\n" + ran.output());
        }
        if (block.shown() != null && !Blocks.matches(block.shown(), ran.output())) {
          failed[0] = where;
          fail(where + ": the output is not what the runbook shows\n--- shown ---\n" + block.shown()
              + "--- printed ---\n" + ran.output());
        }
      }));
    }
    tests.add(DynamicTest.dynamicTest(book.path() + ": clean up", () -> {
      if (sandbox[0] != null) {
        sandbox[0].close();
      }
    }));
    return DynamicContainer.dynamicContainer(book.path() + (book.section() == null ? "" : " (" + book.section() + ")"), tests);
  }
}
