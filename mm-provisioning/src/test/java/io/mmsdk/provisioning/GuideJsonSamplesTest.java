package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Loads every {@code ```json} sample in the guides ({@code docs/*.md}) the way a reader would use
 * it, so a sample that no longer loads fails the build. Desired-state samples are the only JSON the
 * guides show; a JSON sample in any other guide fails here until it gets a loader.
 */
class GuideJsonSamplesTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final Pattern JSON_BLOCK = Pattern.compile("(?s)```json\\n(.*?)```");

  private static List<String> jsonSamples(Path guide) {
    try {
      Matcher m = JSON_BLOCK.matcher(Files.readString(guide, StandardCharsets.UTF_8));
      List<String> samples = new ArrayList<>();
      while (m.find()) {
        samples.add(m.group(1));
      }
      return samples;
    } catch (IOException e) {
      throw new AssertionError("cannot read " + guide, e);
    }
  }

  @Test
  void provisioningGuide_desiredStateSample_loadsAndValidates() {
    List<String> samples = jsonSamples(DOCS.resolve("mm-provisioning.md"));
    assertFalse(samples.isEmpty(), "docs/mm-provisioning.md shows no desired-state JSON");
    for (String json : samples) {
      DesiredState state = DesiredStateJson.fromJson(json);
      ValidationResult result = state.validate();
      assertTrue(result.isValid(), result.describe());
    }
  }

  @Test
  void otherGuides_haveNoJsonSampleWithoutALoader() throws IOException {
    List<String> unloaded = new ArrayList<>();
    try (Stream<Path> guides = Files.list(DOCS)) {
      guides.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> !p.getFileName().toString().equals("mm-provisioning.md"))
          .filter(p -> !jsonSamples(p).isEmpty())
          .forEach(p -> unloaded.add(p.getFileName().toString()));
    }
    assertEquals(List.of(), unloaded, "JSON samples that no test loads: add a loader to this test");
  }
}
