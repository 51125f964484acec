package io.mmsdk.cms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.generator.ApiModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our feature modules read and write CMS objects through the typed API (issue 12): their main code
 * holds no string literal that equals a CMS element name of the API model (a field, parameter,
 * filter, list attribute, element or path segment of any family or node), except the reviewed
 * entries of {@link #ALLOWED}, each with its reason. mm-provisioning's field-level diff keeps the
 * generic map by design, but keys it with the client's {@code CmsFields}, so it needs no entry.
 *
 * <p>The scan is lexical: string literals outside comments, text blocks and character literals,
 * compared whole. An allow-list entry that no longer matches anything fails too, so the list
 * cannot rot.
 */
class TypedLayerUsageTest {
  /** The modules whose main code must use the typed layer. */
  private static final List<String> MODULES =
      List.of("mm-licensing", "mm-blastdial", "mm-provisioning", "mm-meetings");

  private record Allowed(String module, String file, String literal, String reason) {
    String key() {
      return module + "/" + file + " \"" + literal + "\"";
    }
  }

  /** Literals that equal an element name but are not used as one, or are, for the stated reason. */
  private static final List<Allowed> ALLOWED = allowList(
      // mm-licensing
      "mm-licensing", "LicenseType.java",
      "each usage category names its MPLicenseUsage element (public cmsName(), used in error"
          + " messages) and its license-data.zip column; values are read through LicenseUsageEntry",
      List.of("pmp", "smpAud", "smpPtP", "smpFull", "rec", "str", "recording", "streaming"),
      "mm-licensing", "AllocationType.java", "our allocation type's report name, not an element",
      List.of("pmp"),
      "mm-licensing", "UsageValues.java", "record component names in argument-check messages",
      List.of("pmp", "smpFull", "recording", "streaming"),
      "mm-licensing", "CmsUsageSource.java",
      "names the element in a LicenseDataException message; the value is read through the typed"
          + " MultipartyLicensing",
      List.of("callsActive", "weightedCallsActive", "callsWithoutPersonalLicense",
          "weightedCallsWithoutPersonalLicense", "participantsActive", "personalLicenses"),
      "mm-licensing", "FileLicenseStateStore.java", "property key of our own state file",
      List.of("mode"),
      "mm-licensing", "LicenseMonitor.java",
      "our notification source and audit target, and the audit actor when none is set",
      List.of("licensing", "system"),
      "mm-licensing", "SmartLicensing.java", "our notification source",
      List.of("licensing"),
      // mm-blastdial
      "mm-blastdial", "FileBlastDialStore.java", "property keys of our own store file format",
      List.of("cluster", "role", "call", "state", "callLeg", "name", "address"),
      "mm-blastdial", "BlastDial.java", "the audit actor when none is set",
      List.of("system"),
      "mm-blastdial", "SpaceConfigs.java", "the monitoring settings' backup key",
      List.of("role"),
      // mm-provisioning
      "mm-provisioning", "Validator.java",
      "LDAP attribute names and desired-state JSON paths, which share words with CMS elements",
      List.of("displayName", "mobile", "name", "ldapServers", "recordingMode", "passcodeTimeout"),
      "mm-provisioning", "LdapPreview.java",
      "what a preview clash is about (a report label: URI, secondary URI or call ID)",
      List.of("uri", "secondaryUri", "callId"),
      "mm-provisioning", "Provisioner.java", "the audit actor when none is set",
      List.of("system"),
      "mm-provisioning", "Plan.java", "keys of our own plan JSON",
      List.of("action", "secret"),
      // mm-meetings
      "mm-meetings", "EventsMerge.java",
      "the Events lockState value locked (read through EventFields.LOCK_STATE), not an element",
      List.of("locked"));

  @SuppressWarnings("unchecked")
  private static List<Allowed> allowList(Object... groups) {
    List<Allowed> out = new ArrayList<>();
    for (int i = 0; i < groups.length; i += 4) {
      for (String literal : (List<String>) groups[i + 3]) {
        out.add(new Allowed((String) groups[i], (String) groups[i + 1], literal,
            (String) groups[i + 2]));
      }
    }
    return out;
  }

  @Test
  void featureModules_mainCode_holdsNoRawElementNameLiteral() throws IOException {
    Set<String> names = elementNames();
    Map<String, Allowed> allowed = new TreeMap<>();
    ALLOWED.forEach(a -> allowed.put(a.key(), a));
    Set<String> used = new HashSet<>();
    List<String> violations = new ArrayList<>();
    for (String module : MODULES) {
      Path root = Path.of("..", module, "src", "main", "java");
      assertTrue(Files.isDirectory(root), "module sources not found at " + root.toAbsolutePath());
      int found = 0;
      int excused = 0;
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      for (Path file : files) {
        for (Literal l : literals(Files.readString(file))) {
          if (!names.contains(l.text())) {
            continue;
          }
          found++;
          String key = module + "/" + file.getFileName() + " \"" + l.text() + "\"";
          if (allowed.containsKey(key)) {
            used.add(key);
            excused++;
          } else {
            violations.add(root.relativize(file) + ":" + l.line() + " \"" + l.text() + "\"");
          }
        }
      }
      System.out.println(module + ": " + found + " element-name literals in main code, " + excused
          + " allowed with a reason, " + (found - excused) + " not");
    }
    assertEquals(List.of(), violations, "raw CMS element names in main code: use the typed API"
        + " (io.mmsdk.cms.api) or the CmsFields keys, or add a reviewed entry to ALLOWED");
    Set<String> stale = new TreeMap<>(allowed).keySet();
    stale.removeAll(used);
    assertEquals(Set.of(), stale, "ALLOWED entries that match nothing any more; remove them");
  }

  @Test
  void literals_skipCommentsTextBlocksAndCharacters_keepLinesAndEscapes() {
    String source = String.join("\n",
        "// \"inLineComment\"",
        "/* \"inBlockComment\"",
        "   still \"comment\" */ String a = \"uri\";",
        "char q = '\"'; String b = \"say \\\"name\\\"\";",
        "String c = \"\"\"",
        "    \"inTextBlock\"",
        "    \"\"\"; String d = \"passcode\";");
    List<Literal> found = literals(source);
    assertEquals(List.of(new Literal("uri", 3), new Literal("say \\\"name\\\"", 4),
        new Literal("passcode", 7)), found);
  }

  /** A string literal's source text (escapes as written) and its 1-based line. */
  record Literal(String text, int line) {}

  /** The string literals of Java source, outside comments; text blocks are skipped. */
  static List<Literal> literals(String s) {
    List<Literal> out = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (s.startsWith("//", i)) {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end + 2;
        line += count(s, i, end);
        i = end;
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        end = end < 0 ? s.length() : end + 3;
        line += count(s, i, end);
        i = end;
      } else if (c == '\'') {
        i++;
        while (i < s.length() && s.charAt(i) != '\'') {
          i += s.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else if (c == '"') {
        int start = ++i;
        while (i < s.length() && s.charAt(i) != '"' && s.charAt(i) != '\n') {
          i += s.charAt(i) == '\\' ? 2 : 1;
        }
        out.add(new Literal(s.substring(start, Math.min(i, s.length())), line));
        i++;
      } else {
        i++;
      }
    }
    return out;
  }

  private static int count(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  /** Every element name the API model knows, wherever it occurs. */
  static Set<String> elementNames() throws IOException {
    Path dir = Path.of("src/main/model");
    ApiModel model = ApiModel.read(Files.readString(dir.resolve("cms-api-model.json")),
        Files.readString(dir.resolve("cms-api-overlay.json")));
    Set<String> names = new HashSet<>();
    List<Map<String, Object>> all = new ArrayList<>(model.families());
    all.addAll(model.nodes());
    for (Map<String, Object> family : all) {
      for (String key : List.of("path", "listElement", "element")) {
        if (family.get(key) instanceof String value) {
          addSegments(names, value);
        }
      }
      for (String key : List.of("fields", "parameters", "listFilters")) {
        if (family.get(key) instanceof List<?> entries) {
          for (Object entry : entries) {
            addSegments(names, (String) ((Map<?, ?>) entry).get("name"));
          }
        }
      }
      if (family.get("listAttributes") instanceof List<?> attributes) {
        attributes.forEach(a -> names.add((String) a));
      }
    }
    names.remove("");
    return names;
  }

  private static void addSegments(Set<String> names, String path) {
    names.add(path);
    for (String segment : path.split("/")) {
      if (!segment.startsWith("{")) {
        names.add(segment);
      }
    }
  }
}
