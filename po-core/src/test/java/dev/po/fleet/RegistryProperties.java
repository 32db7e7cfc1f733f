package dev.po.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The registry's promises over many generated fleets, edits and inputs. */
class RegistryProperties {
  private static Path dir;

  @BeforeContainer
  static void makeDir() throws IOException {
    dir = Files.createTempDirectory("registry-properties");
  }

  @AfterContainer
  static void removeDir() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Registry write(String text) {
    try {
      Path file = dir.resolve("fleet.toml");
      Files.writeString(file, text);
      return Registry.at(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fileText() {
    try {
      return Files.readString(dir.resolve("fleet.toml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- any valid model survives save-then-load unchanged

  @Property(tries = 150)
  void anyValidFleetWrittenByEditReadsBackEqual(@ForAll("fleets") Fleet fleet) {
    Registry r = write("# an operator's fleet\n\n# projects below\n");
    Fleet written = r.edit(f -> new Fleet(f.folder(), fleet.defaults(), fleet.harnesses(), fleet.projects()));
    assertEquals(written, r.read());
    assertEquals(fleet.projects(), r.read().projects());
    assertTrue(fileText().startsWith("# an operator's fleet\n"));
  }

  @Provide
  Arbitrary<Fleet> fleets() {
    Arbitrary<List<String>> harnessNames = names().list().ofMinSize(1).ofMaxSize(3).uniqueElements();
    return harnessNames.flatMap(hs -> {
      Arbitrary<List<Harness>> harnesses = Combinators.combine(
          text().list().ofSize(hs.size()),
          text().list().ofMaxSize(3).list().ofSize(hs.size()))
          .as((urls, launchers) -> {
            List<Harness> out = new ArrayList<>();
            for (int i = 0; i < hs.size(); i++) {
              out.add(new Harness(hs.get(i), urls.get(i), launchers.get(i).isEmpty() ? null : launchers.get(i)));
            }
            return out;
          });
      Arbitrary<String> defaultHarness = Arbitraries.of(hs).injectNull(0.3);
      Arbitrary<String> projectsDir = text().injectNull(0.4);
      return Combinators.combine(harnesses, defaultHarness, projectsDir, projects(hs))
          .as((h, dh, pd, ps) -> {
            // without a default harness every project names one
            List<ProjectEntry> fixed = ps.stream()
                .map(p -> dh == null && p.harness() == null
                    ? new ProjectEntry(p.name(), p.location(), hs.get(0), p.ref(), p.enabled())
                    : p)
                .toList();
            return new Fleet(dir, new Defaults(pd, dh), h, fixed);
          });
    });
  }

  private Arbitrary<List<ProjectEntry>> projects(List<String> harnesses) {
    Arbitrary<ProjectEntry> project = Combinators.combine(
        names(), text(), Arbitraries.of(harnesses).injectNull(0.5), refs(), Arbitraries.of(true, false))
        // the name in the location keeps locations distinct, as the registry requires
        .as((n, loc, h, ref, en) -> new ProjectEntry(n, "p/" + n + "/" + loc.replace("..", "__"), h, ref, en));
    return project.list().ofMaxSize(6).uniqueElements(ProjectEntry::name);
  }

  private static Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange('a', 'z').withChars("0123456789_-").ofMinLength(1).ofMaxLength(12)
        .filter(Names::isValid);
  }

  /** Text with everything TOML must escape: quotes, backslashes, control characters, non-ASCII. */
  private static Arbitrary<String> text() {
    return Arbitraries.strings().withCharRange(' ', '~').withChars("\"\\\t\n\r\u0001\u007f\u00e9\u4e2d#=[]'")
        .ofMinLength(1).ofMaxLength(12).filter(s -> !s.isBlank());
  }

  /** Refs as git allows them, with the characters TOML must escape that a ref may hold. */
  private static Arbitrary<String> refs() {
    return Arbitraries.strings().withChars("abvz0189._-/\"'#=]{}\u00e9\u4e2d").ofMinLength(1).ofMaxLength(12)
        .filter(Names::isValidRef);
  }

  // --- edits keep every untouched line byte-identical

  /** One change to one of the base file's projects, or a new project. */
  record Op(String kind, int project, String value) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> op = Combinators.combine(
        Arbitraries.of("ref", "enable", "disable", "remove", "add", "harness", "noharness", "location"),
        Arbitraries.integers().between(0, BASE.size() - 1),
        refs())
        .as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(8);
  }

  /** The base file: a preamble, then per project its own chunk (comment above, trailing comments). */
  private static final String PREAMBLE = """
      # Fleet of the night shift.   Edit with care!
      [defaults]
      projects_dir = "~/p"   # where new ones go
      harness = "ao"

      [harnesses.ao]  # the one harness
      url = 'https://example.com/ao.git'

      [harnesses.bo]
      url = "bo.git"
      launcher = [ "engine/agents",   "--fast" ]   # faster

      """;
  private static final Map<String, String> BASE = new LinkedHashMap<>();

  static {
    for (String name : List.of("alpha", "beta", "gamma", "delta")) {
      BASE.put(name, "# " + name + ": keep\n[projects." + name + "]   # header comment\n"
          + "location = \"/srv/" + name + "\"  # where\n"
          + (name.equals("beta") ? "harness = \"bo\"\n" : "")
          + "ref    =  'v1'\n"
          + (name.equals("gamma") ? "enabled = false # paused\n" : "")
          + "# trailing thought\n\n");
    }
  }

  @Property(tries = 120)
  void editsKeepEveryUntouchedLineByteIdentical(@ForAll("ops") List<Op> ops) {
    String base = PREAMBLE + String.join("", BASE.values());
    Registry r = write(base);
    List<String> names = new ArrayList<>(BASE.keySet());
    List<String> touched = new ArrayList<>();
    int added = 0;
    for (Op op : ops) {
      String name = names.get(op.project() % names.size());
      Fleet f = r.read();
      if (f.project(name).isEmpty() && !op.kind().equals("add")) {
        continue;
      }
      touched.add(name);
      switch (op.kind()) {
        case "ref" -> r.edit(x -> x.withRef(name, op.value()));
        case "enable" -> r.edit(x -> x.withEnabled(name, true));
        case "disable" -> r.edit(x -> x.withEnabled(name, false));
        case "remove" -> r.edit(x -> x.withoutProject(name));
        case "harness" -> r.edit(x -> x.withProject(name, p -> new ProjectEntry(p.name(), p.location(), "bo", p.ref(), p.enabled())));
        case "noharness" -> r.edit(x -> x.withProject(name, p -> new ProjectEntry(p.name(), p.location(), null, p.ref(), p.enabled())));
        case "location" -> r.edit(x -> x.withProject(name, p -> new ProjectEntry(p.name(), "/new/" + name, p.harness(), p.ref(), p.enabled())));
        default -> {
          String fresh = "n" + added++;
          r.edit(x -> x.withProject(new ProjectEntry(fresh, "/srv/" + fresh, null, op.value(), true)));
        }
      }
    }
    List<String> untouched = new ArrayList<>(PREAMBLE.lines().toList());
    BASE.forEach((name, chunk) -> {
      if (!touched.contains(name)) {
        untouched.addAll(chunk.lines().toList());
      }
    });
    assertSubsequence(untouched, fileText().lines().toList());
    r.read();
  }

  private static void assertSubsequence(List<String> want, List<String> in) {
    int at = 0;
    for (String line : want) {
      while (at < in.size() && !in.get(at).equals(line)) {
        at++;
      }
      assertTrue(at < in.size(), "lost or reordered line '" + line + "' in:\n" + String.join("\n", in));
      at++;
    }
  }

  // --- broken input only ever fails as a RegistryException with positions

  @Property(tries = 400)
  void arbitraryTextFailsOnlyWithPositionedProblems(@ForAll("tomlish") String input) {
    readOrPositionedProblems(input);
  }

  @Property(tries = 200)
  void truncatedFilesFailOnlyWithPositionedProblems(@ForAll("cuts") int cut) {
    String base = PREAMBLE + String.join("", BASE.values());
    readOrPositionedProblems(base.substring(0, cut % (base.length() + 1)));
  }

  @Provide
  Arbitrary<String> tomlish() {
    Arbitrary<String> noise = Arbitraries.strings().withChars("[]=\"'#.,{}\n \tabcxyz_-0123456789\\").ofMaxLength(60);
    // half of the inputs start as a real project table, so the noise also lands inside a table
    return Combinators.combine(Arbitraries.of(true, false), noise)
        .as((table, s) -> table ? "[projects.a]\nlocation = \"x\"\n" + s : s);
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(0, 10_000);
  }

  private static void readOrPositionedProblems(String input) {
    Registry r = write(input);
    try {
      r.read();
    } catch (RegistryException e) {
      assertTrue(!e.problems().isEmpty());
      for (Problem p : e.problems()) {
        assertTrue(p.line() > 0 && p.column() > 0, "unpositioned: " + p + " for input:\n" + input);
      }
    }
  }
}
