package dev.po.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code mvn package} leaves a man page for po and for every command an operator can type. */
class ManPagesIT {
  @Test
  void onePagePerVisibleCommand() throws IOException {
    Path man = Path.of(System.getProperty("po.jar", "target/po.jar")).resolveSibling("man");
    List<String> expected = new ArrayList<>();
    pages(dev.po.cli.CommandTree.commandLine(), "po", expected);
    List<String> made;
    try (Stream<Path> s = Files.list(man)) {
      made = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".1")).sorted().toList();
    }
    assertEquals(expected.stream().sorted().toList(), made);
    String start = Files.readString(man.resolve("po-start.1"));
    assertTrue(start.contains(".TH \"PO\\-START\" \"1\""), start.substring(0, Math.min(400, start.length())));
    assertTrue(start.contains("\\-\\-all"), "po-start.1 lacks --all");
  }

  private static void pages(CommandLine cl, String name, List<String> out) {
    out.add(name + ".1");
    cl.getSubcommands().forEach((sub, c) -> {
      if (!c.getCommandSpec().usageMessage().hidden() && sub.equals(c.getCommandName())) {
        pages(c, name + "-" + sub, out);
      }
    });
  }
}
