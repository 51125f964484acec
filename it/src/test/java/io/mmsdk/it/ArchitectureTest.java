package io.mmsdk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reactor's structural rules, checked over every module this build compiled (the {@code it}
 * module comes last in the reactor): no cycle between the packages of one module, and no main
 * source file over {@value #MAX_LINES} lines except the named, shrinking allow-list.
 */
class ArchitectureTest {
  static final int MAX_LINES = 600;

  /**
   * Main source files still over {@value #MAX_LINES} lines, by file name (so that a move to
   * another module keeps its entry), with the issue that splits them. Entries may only be
   * removed: the test fails once a file is split or gone, until its entry goes too.
   */
  static final Map<String, String> OVERSIZED = Map.of();

  /**
   * Package cycles still inside a module, by module directory, each with the issue that removes
   * it. As with {@link #OVERSIZED}, entries may only be removed: a listed cycle that shrinks or
   * goes fails the test until its entry is updated.
   */
  static final Map<String, Map<Set<String>, String>> CYCLES = Map.of();

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** The reactor's modules as the root POM lists them, by directory. */
  private static List<Path> modules() throws IOException {
    Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
    List<Path> modules = new ArrayList<>();
    while (m.find()) {
      modules.add(ROOT.resolve(m.group(1).trim()));
    }
    assertTrue(modules.size() > 5, "found only " + modules + " in " + ROOT.resolve("pom.xml"));
    return modules;
  }

  @Test
  void everyModule_hasNoPackageCycle() throws IOException {
    List<String> problems = new ArrayList<>();
    Set<String> dirs = new java.util.HashSet<>();
    int checked = 0;
    for (Path module : modules()) {
      dirs.add(module.getFileName().toString());
      if (!Files.isDirectory(module.resolve("src/main/java"))) {
        continue; // mm-bom, it: nothing compiled
      }
      Path classes = module.resolve("target/classes");
      if (!Files.isDirectory(classes)) {
        problems.add(module.getFileName() + " has no target/classes: build the whole reactor (./mvnw -B verify)");
        continue;
      }
      checked++;
      String name = module.getFileName().toString();
      for (String cycle : Architecture.cycles(Architecture.packageGraph(classes), CYCLES.getOrDefault(name, Map.of()))) {
        problems.add(name + ": " + cycle);
      }
    }
    if (!problems.isEmpty()) {
      fail("Package cycles (move the type both sides need to the lower package):\n  "
          + String.join("\n  ", problems));
    }
    assertTrue(checked > 5, "checked only " + checked + " modules");
    assertTrue(dirs.containsAll(CYCLES.keySet()), "allow-list names a module that is gone: " + CYCLES.keySet());
  }

  @Test
  void everyMainSourceFile_isAtMost600Lines_orAllowListed() throws IOException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Path module : modules()) {
      counts.putAll(Architecture.lineCounts(ROOT, module.resolve("src/main/java")));
    }
    assertTrue(counts.size() > 100, "found only " + counts.size() + " main source files");
    List<String> problems = Architecture.oversized(counts, MAX_LINES, OVERSIZED);
    if (!problems.isEmpty()) {
      fail("Main source files over " + MAX_LINES + " lines:\n  " + String.join("\n  ", problems));
    }
  }

  @Test
  void cycles_twoPackagesUsingEachOther_namesBothAndTheClasses(@TempDir Path dir) throws IOException {
    Path classes = compile(dir, Map.of(
        "fx/a/A.java", "package fx.a; public class A { fx.b.B b; }",
        "fx/b/B.java", "package fx.b; public class B { fx.a.A a; }",
        "fx/c/C.java", "package fx.c; public class C { fx.a.A a; fx.b.B b; }"));

    List<String> cycles = Architecture.cycles(Architecture.packageGraph(classes), Map.of());

    assertEquals(1, cycles.size(), cycles.toString());
    assertTrue(cycles.get(0).startsWith("packages [fx.a, fx.b] depend on each other:"), cycles.get(0));
    assertTrue(cycles.get(0).contains("fx.a.A -> fx.b.B"), cycles.get(0));
    assertTrue(cycles.get(0).contains("fx.b.B -> fx.a.A"), cycles.get(0));
  }

  @Test
  void cycles_threePackagesInARing_isOneCycle(@TempDir Path dir) throws IOException {
    Path classes = compile(dir, Map.of(
        "fx/a/A.java", "package fx.a; public class A { fx.b.B b; }",
        "fx/b/B.java", "package fx.b; public class B { fx.c.C c; }",
        "fx/c/C.java", "package fx.c; public class C { java.util.List<fx.a.A> a; }"));

    List<String> cycles = Architecture.cycles(Architecture.packageGraph(classes), Map.of());

    assertEquals(1, cycles.size(), cycles.toString());
    assertTrue(cycles.get(0).startsWith("packages [fx.a, fx.b, fx.c]"), cycles.get(0));
  }

  @Test
  void cycles_layeredPackages_none(@TempDir Path dir) throws IOException {
    Path classes = compile(dir, Map.of(
        "fx/a/A.java", "package fx.a; public class A { fx.b.B b; fx.c.C c; }",
        "fx/b/B.java", "package fx.b; public class B { fx.c.C c; }",
        "fx/c/C.java", "package fx.c; public class C { C next; }"));

    Map<String, Map<String, String>> graph = Architecture.packageGraph(classes);

    assertEquals(Map.of("fx.a", Map.of("fx.b", "fx.a.A -> fx.b.B", "fx.c", "fx.a.A -> fx.c.C"),
        "fx.b", Map.of("fx.c", "fx.b.B -> fx.c.C")), graph);
    assertEquals(List.of(), Architecture.cycles(graph, Map.of()));
  }

  @Test
  void cycles_allowedCycle_passesUntilItShrinks(@TempDir Path dir) throws IOException {
    Path classes = compile(dir, Map.of(
        "fx/a/A.java", "package fx.a; public class A { fx.b.B b; }",
        "fx/b/B.java", "package fx.b; public class B { fx.a.A a; }"));
    Map<String, Map<String, String>> graph = Architecture.packageGraph(classes);

    assertEquals(List.of(), Architecture.cycles(graph, Map.of(Set.of("fx.a", "fx.b"), "issue 1")));
    List<String> stale = Architecture.cycles(graph, Map.of(Set.of("fx.a", "fx.b", "fx.c"), "issue 1"));
    assertEquals(2, stale.size(), stale.toString());
    assertTrue(stale.get(0).startsWith("packages [fx.a, fx.b] depend on each other:"), stale.get(0));
    assertEquals("the allowed cycle [fx.a, fx.b, fx.c] (issue 1) is gone or smaller: remove it from the"
        + " allow-list or list what remains", stale.get(1));
  }

  @Test
  void oversized_newLargeFileAndSplitAllowedFile_bothReported() {
    Map<String, Long> counts = Map.of("m/src/main/java/p/Big.java", 601L,
        "m/src/main/java/p/Split.java", 120L, "m/src/main/java/p/Ok.java", 600L,
        "m/src/main/java/p/Known.java", 900L);

    List<String> problems = Architecture.oversized(counts, 600,
        Map.of("Split.java", "issue 1", "Known.java", "issue 2"));

    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.contains("m/src/main/java/p/Big.java has 601 lines (at most 600): give its"
        + " second job its own type"), problems.toString());
    assertTrue(problems.contains("Split.java is allowed over 600 lines (issue 1) but now has 120"
        + " lines: remove it from the allow-list"), problems.toString());
  }

  private static Path compile(Path dir, Map<String, String> sources) throws IOException {
    Path src = dir.resolve("src");
    Path classes = dir.resolve("classes");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path f = src.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
      args.add(f.toString());
    }
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    assertEquals(0, javac.run(System.out, System.err, args.toArray(String[]::new)), "fixture compiles");
    return classes;
  }
}
