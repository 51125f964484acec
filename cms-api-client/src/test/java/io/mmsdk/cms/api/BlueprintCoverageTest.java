package io.mmsdk.cms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmsdk.cms.generator.ApiModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The model covers the blueprint: every path the blueprint's headings name is a family (its
 * collection or one object) or a node of the model. This is what "model and blueprint drift"
 * means for the model; the golden test of cms-api-generator covers model → generated code.
 */
class BlueprintCoverageTest {
  private static final Pattern HEADING = Pattern.compile("^#{1,4}\\s+.*\\[(?:GET|POST|PUT|DELETE)?\\s*(/[^\\]]*)]\\s*$");
  /** Headings of the blueprint's worked examples and groups, which name no API path. */
  private static final Set<String> NOT_PATHS = Set.of("sample", "sample1", "system");
  /** Heading paths that are themselves wrong, with the path the API (and Postman) uses. */
  private static final Map<String, String> HEADING_DEFECTS = Map.of(
      "calllegprofiles/*/calllegprofiletrace", "calllegs/*/calllegprofiletrace",
      "effectivewebbridgeprofile", "webbridges/*/effectivewebbridgeprofile",
      "users/userid/usercospacetemplates", "users/*/usercospacetemplates");

  @Test
  void everyBlueprintPath_isAFamilyOrNodeOfTheModel() throws Exception {
    Path dir = Path.of("src/main/model");
    ApiModel model = ApiModel.read(Files.readString(dir.resolve("cms-api-model.json")),
        Files.readString(dir.resolve("cms-api-overlay.json")));
    Set<String> known = new HashSet<>();
    for (Map<String, Object> family : model.families()) {
      String path = ModelConformance.normalize((String) family.get("path"));
      known.add(path);
      known.add(path + "/*");
    }
    for (Map<String, Object> node : model.nodes()) {
      known.add(ModelConformance.normalize((String) node.get("path")));
    }
    Set<String> missing = new TreeSet<>();
    int checked = 0;
    for (String line : Files.readAllLines(Reference.file("cms-api-blueprint.apib"))) {
      Matcher m = HEADING.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String path = ModelConformance.normalize(m.group(1));
      if (NOT_PATHS.contains(path)) {
        continue;
      }
      checked++;
      if (HEADING_DEFECTS.containsKey(path)) {
        System.out.println("blueprint heading defect: " + m.group(1) + " is covered as " + HEADING_DEFECTS.get(path));
        path = HEADING_DEFECTS.get(path);
      }
      if (!known.contains(path)) {
        missing.add(path + "   (" + m.group(1) + ")");
      }
    }
    System.out.println("blueprint heading paths checked against the model: " + checked);
    assertEquals(List.of(), List.copyOf(missing), "blueprint paths the model lacks");
  }
}
