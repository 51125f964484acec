package io.mmsdk.it;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The structural rules every reactor module keeps (docs/architecture.md, issue 17), as plain
 * functions over a build's output so that {@link ArchitectureTest} can run them on the reactor and
 * on small fixtures alike. Package dependences come from the JDK's own {@code jdeps}, run in
 * process over compiled classes: what the compiler actually linked, imports and fully qualified
 * names alike.
 */
final class Architecture {
  /** A line of {@code jdeps -verbose:class}: origin class, target class, where the target lives. */
  private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+(\\S+)\\s*$");

  private Architecture() {}

  /**
   * Returns the class-level dependences between different packages inside {@code classes} (a
   * compiled classes directory): for each pair of packages, one example of a class in the first
   * using a class in the second.
   */
  static Map<String, Map<String, String>> packageGraph(Path classes) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps")
        .orElseThrow(() -> new IllegalStateException("jdeps is not in this JDK; run with a full JDK 17+"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // -verbose:class keeps the classes behind each package edge, for the message; by default jdeps
    // drops dependences inside one package.
    int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:class", classes.toString());
    if (rc != 0) {
      throw new IllegalStateException("jdeps failed on " + classes + " (exit " + rc + "): " + err);
    }
    String archive = classes.getFileName().toString();
    Map<String, Map<String, String>> graph = new TreeMap<>();
    for (String line : out.toString().split("\\R")) {
      Matcher m = EDGE.matcher(line);
      if (!m.matches() || !m.group(3).equals(archive)) {
        continue; // the JDK, other jars ("not found") and summary lines
      }
      String from = packageOf(m.group(1));
      String to = packageOf(m.group(2));
      if (!from.equals(to)) {
        graph.computeIfAbsent(from, k -> new TreeMap<>()).putIfAbsent(to, m.group(1) + " -> " + m.group(2));
      }
    }
    return graph;
  }

  private static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }

  /**
   * Returns every package cycle in {@code graph} that is not exactly one of {@code allowed}, each
   * described as its packages and the class dependences that close it, and every allowed cycle
   * that is no longer there as listed (so that the allow-list only ever shrinks); empty if the
   * packages form a DAG apart from the allowed cycles.
   */
  static List<String> cycles(Map<String, Map<String, String>> graph, Map<Set<String>, String> allowed) {
    List<String> found = new ArrayList<>();
    Set<Set<String>> seen = new java.util.HashSet<>();
    for (Set<String> component : stronglyConnected(graph)) {
      if (component.size() < 2) {
        continue;
      }
      seen.add(component);
      if (allowed.containsKey(component)) {
        continue;
      }
      StringBuilder sb = new StringBuilder("packages ").append(component).append(" depend on each other:");
      for (String from : component) {
        graph.getOrDefault(from, Map.of()).forEach((to, example) -> {
          if (component.contains(to)) {
            sb.append("\n      ").append(example);
          }
        });
      }
      found.add(sb.toString());
    }
    allowed.forEach((component, why) -> {
      if (!seen.contains(component)) {
        found.add("the allowed cycle " + new TreeSet<>(component) + " (" + why + ") is gone or smaller:"
            + " remove it from the allow-list or list what remains");
      }
    });
    return found;
  }

  /** Tarjan's algorithm, iterative over the (small) package graph. */
  private static List<Set<String>> stronglyConnected(Map<String, Map<String, String>> graph) {
    Set<String> nodes = new TreeSet<>(graph.keySet());
    graph.values().forEach(targets -> nodes.addAll(targets.keySet()));
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> result = new ArrayList<>();
    int[] counter = {0};
    for (String start : nodes) {
      if (!index.containsKey(start)) {
        connect(start, graph, index, low, stack, onStack, result, counter);
      }
    }
    return result;
  }

  private static void connect(String v, Map<String, Map<String, String>> graph, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> result, int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]++);
    stack.push(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Map.of()).keySet()) {
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, onStack, result, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      result.add(component);
    }
  }

  /** Returns the line count of every {@code .java} file under {@code sourceRoot}, by path relative to {@code base}. */
  static Map<String, Long> lineCounts(Path base, Path sourceRoot) {
    Map<String, Long> counts = new TreeMap<>();
    if (!Files.isDirectory(sourceRoot)) {
      return counts;
    }
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        try (Stream<String> lines = Files.lines(f)) {
          counts.put(base.relativize(f).toString().replace('\\', '/'), lines.count());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counts;
  }

  /**
   * Returns what breaks the size rule: files over {@code max} lines whose file name is not in
   * {@code allowed}, and allowed file names no longer over it (so that the allow-list only ever
   * shrinks). Allowed entries are file names, not paths, so that moving a file keeps its entry.
   */
  static List<String> oversized(Map<String, Long> counts, int max, Map<String, String> allowed) {
    List<String> problems = new ArrayList<>();
    Map<String, Long> largestAllowed = new TreeMap<>();
    counts.forEach((file, lines) -> {
      String name = file.substring(file.lastIndexOf('/') + 1);
      if (allowed.containsKey(name)) {
        largestAllowed.merge(name, lines, Math::max);
      } else if (lines > max) {
        problems.add(file + " has " + lines + " lines (at most " + max + "): give its second job its own type");
      }
    });
    new TreeMap<>(allowed).forEach((name, why) -> {
      Long lines = largestAllowed.get(name);
      if (lines == null || lines <= max) {
        problems.add(name + " is allowed over " + max + " lines (" + why + ") but now has "
            + (lines == null ? "no file" : lines + " lines") + ": remove it from the allow-list");
      }
    });
    return problems;
  }
}
