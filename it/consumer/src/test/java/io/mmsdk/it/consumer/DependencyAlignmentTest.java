package io.mmsdk.it.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Holds this project's resolved dependencies, taken from the BOM alone, against the reactor's
 * (mm-it declares the same dependencies under mm-parent). Both lists come from
 * {@code dependency:list}.
 */
class DependencyAlignmentTest {
  /** {@code   group:artifact:type[:classifier]:version:scope} as dependency:list writes it. */
  private static final Pattern LINE = Pattern.compile(
      "^\\s*([^:\\s]+):([^:\\s]+):([^:\\s]+)(?::([^:\\s]+))?:([^:\\s]+):([a-z]+)\\b.*$");

  private static Map<String, String> versions(String property) throws IOException {
    String file = System.getProperty(property);
    assertTrue(file != null && !file.isBlank(), "system property " + property + " is not set");
    Map<String, String> versions = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of(file))) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        versions.put(m.group(1) + ":" + m.group(2), m.group(5));
      }
    }
    assertFalse(versions.isEmpty(), "no dependencies read from " + file);
    return versions;
  }

  @Test
  void everyResolvedVersion_isTheReactors() throws IOException {
    Map<String, String> reactor = versions("reactor.dependencies");
    Map<String, String> consumer = versions("consumer.dependencies");
    List<String> differences = consumer.entrySet().stream()
        .filter(e -> !e.getKey().startsWith("io.mmsdk:"))
        .filter(e -> !e.getValue().equals(reactor.get(e.getKey())))
        .map(e -> e.getKey() + ": consumer " + e.getValue() + ", reactor " + reactor.get(e.getKey()))
        .collect(Collectors.toList());
    assertEquals(List.of(), differences,
        "pin these in mm-bom (the reactor inherits its versions from there)");
    assertEquals(reactor.keySet(), consumer.keySet(),
        "the two trees hold different artifacts: mm-it must declare what the consumer declares "
            + "(mm-parent adds junit-jupiter and slf4j-simple to every module)");
  }

  @Test
  void testClasspath_hasNoJUnit4() throws IOException {
    Map<String, String> consumer = versions("consumer.dependencies");
    assertEquals(List.of(), consumer.keySet().stream()
        .filter(k -> k.startsWith("junit:") || k.startsWith("org.hamcrest:"))
        .collect(Collectors.toList()), "JUnit 4 or hamcrest reached the test classpath");
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.junit.Test"));
  }

  @Test
  void tree_hasExactlyOneOkHttp() throws IOException {
    Map<String, String> consumer = versions("consumer.dependencies");
    assertEquals(1, consumer.keySet().stream()
        .filter(k -> k.equals("com.squareup.okhttp3:okhttp") || k.equals("com.squareup.okhttp3:okhttp-jvm"))
        .count(), consumer.keySet().toString());
  }
}
