package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares output with a golden file under src/test/resources/golden. */
final class Golden {
  private Golden() {}

  static void assertMatches(String name, String actual) {
    if (Boolean.getBoolean("golden.update")) {
      try {
        Path p = Path.of("src/test/resources/golden", name);
        Files.writeString(p, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    assertEquals(Fixtures.resource("golden/" + name), actual, "golden file " + name
        + " differs; if the change is intended, rerun with -Dgolden.update=true and review the diff");
  }
}
