package io.mmsdk.cms.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Golden output: a small model covering each kind of family, field and node must generate exactly
 * the sources under {@code golden/expected}. After an intended change of the generator, rewrite
 * them with {@code -Dgolden.update=true} and review the diff.
 */
class JavaGeneratorTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void generate_smallModel_matchesGoldenSources() throws IOException {
    ApiModel model = ApiModel.read(read(GOLDEN.resolve("model.json")), read(GOLDEN.resolve("overlay.json")));
    Map<String, String> generated = new TreeMap<>();
    new JavaGenerator(model).generate().forEach((name, source) -> generated.put(name.substring(name.lastIndexOf('.') + 1) + ".java", source));
    Path expected = GOLDEN.resolve("expected");
    if (Boolean.getBoolean("golden.update")) {
      try (Stream<Path> old = Files.list(expected)) {
        old.forEach(p -> p.toFile().delete());
      }
      for (Map.Entry<String, String> e : generated.entrySet()) {
        Files.writeString(expected.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
    }
    Map<String, String> golden = new TreeMap<>();
    try (Stream<Path> files = Files.list(expected)) {
      files.forEach(p -> golden.put(p.getFileName().toString(), read(p)));
    }
    assertEquals(golden.keySet(), generated.keySet(), "generated files differ from golden/expected");
    for (String name : golden.keySet()) {
      assertEquals(golden.get(name), generated.get(name), name + " differs from golden/expected/" + name
          + "; if the change is intended, run with -Dgolden.update=true and review the diff");
    }
  }

  @Test
  void read_correctionMatchingNothing_failsNamingIt() {
    String model = "{\"families\": [], \"nodes\": []}";
    String overlay = "{\"corrections\": [{\"family\": \"tenants\", \"in\": \"listFilters\", \"name\": \"nope\","
        + " \"rename\": \"x\", \"why\": \"test\"}]}";

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiModel.read(model, overlay));

    assertTrue(e.getMessage().contains("tenants listFilters nope matches nothing"), e.getMessage());
  }

  @Test
  void read_correctionWithoutReason_isRefused() {
    String overlay = "{\"corrections\": [{\"family\": \"*\", \"in\": \"any\", \"name\": \"x\", \"drop\": true}]}";

    assertThrows(IllegalArgumentException.class, () -> ApiModel.read("{\"families\": [], \"nodes\": []}", overlay));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
