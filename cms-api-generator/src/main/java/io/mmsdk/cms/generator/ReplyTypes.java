package io.mmsdk.cms.generator;

import static io.mmsdk.cms.generator.ApiModel.strings;
import static io.mmsdk.cms.generator.Javadoc.doc;
import static io.mmsdk.cms.generator.Names.constantName;
import static io.mmsdk.cms.generator.Names.memberName;
import static io.mmsdk.cms.generator.Names.pascal;
import static io.mmsdk.cms.generator.Names.unique;
import static io.mmsdk.cms.generator.Names.upperSnake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Emits the reply types: a record per reply element, with an accessor per field, and an enum per
 * enumerated value set (shared by every field and parameter with the same values).
 */
final class ReplyTypes {
  private final ApiModel model;
  private final GeneratedSources sources;
  /** Enum name by its value set. */
  private final Map<List<String>, String> enumByValues = new LinkedHashMap<>();
  private final Set<String> enumNames = new LinkedHashSet<>();

  ReplyTypes(ApiModel model, GeneratedSources sources) {
    this.model = model;
    this.sources = sources;
  }

  /** Emits the record of {@code type}, and the enums of its fields. */
  void record(ObjectType type) {
    StringBuilder b = new StringBuilder();
    b.append("/**\n * A {@code <").append(type.element).append(">} object of the CMS API, as returned by ");
    b.append(String.join(", ", type.paths.stream().map(p -> "{@code GET /" + p + "}").toList()));
    b.append(".\n * Generated from the API model: an accessor per element the model knows, empty when the\n"
        + " * reply lacks the element. {@link #raw()} is the generic view with every element, including\n"
        + " * those newer than the model.\n");
    if (type.listed) {
      b.append(" *\n * <p>List replies are summaries: they carry ");
      b.append(type.listFields.isEmpty() ? "only the id" : type.listFields.stream()
          .filter(type.fields::containsKey).map(f -> "{@code " + f + "}").reduce((x, y) -> x + ", " + y).orElse("only the id"));
      b.append("; the other accessors are filled only by {@code get}.\n");
    }
    b.append(" *\n * @param raw the generic object this model reads\n */\n");
    b.append("public record ").append(type.javaName).append("(CmsObject raw) {\n");
    StringBuilder constants = new StringBuilder();
    StringBuilder accessors = new StringBuilder();
    Set<String> used = new LinkedHashSet<>();
    for (Map<String, Object> f : type.fields.values()) {
      String wire = (String) f.get("name");
      String java = unique(memberName(wire), used);
      String kind = (String) f.get("type");
      String doc = "Returns {@code " + wire + "}" + (f.get("since") != null ? " (from CMS " + f.get("since") + ")" : "")
          + ", or empty if the reply lacks it.";
      String listNote = !type.listed ? "" : type.listFields.contains(wire)
          ? " Carried by list replies and by {@code get}." : " Filled by {@code get} only.";
      String constant = "F_" + upperSnake(java);
      switch (kind) {
        case "boolean", "integer", "decimal", "timestamp" -> {
          String[] t = switch (kind) {
            case "boolean" -> new String[] {"Boolean", "bool", "A boolean"};
            case "integer" -> new String[] {"Long", "integer", "An integer"};
            case "decimal" -> new String[] {"BigDecimal", "decimal", "A decimal number"};
            default -> new String[] {"Instant", "instant", "An RFC 3339 time"};
          };
          constants.append("  private static final CmsField<").append(t[0]).append("> ").append(constant)
              .append(" = CmsField.").append(t[1]).append("(\"").append(wire).append("\");\n");
          // An empty element (the server's way to say "not set") reads as empty, like an absent one.
          accessors.append(doc(doc + " " + t[2] + "; an empty element reads as empty." + listNote))
              .append("  public Optional<").append(t[0]).append("> ").append(java).append("() {\n    return raw.findText(\"")
              .append(wire).append("\").filter(text -> !text.isEmpty()).map(").append(constant).append("::parse);\n  }\n\n");
        }
        case "enum" -> {
          String e = enumFor(type.javaName, wire, strings(f.get("values")));
          accessors.append(doc(doc + " Values newer than the model read as {@link " + e
                  + "#UNKNOWN_TO_SDK_VERSION}; {@link #" + java + "AsString()} has the text." + listNote))
              .append("  public Optional<").append(e).append("> ").append(java)
              .append("() {\n    return raw.findText(\"").append(wire).append("\").filter(text -> !text.isEmpty()).map(").append(e)
              .append("::fromValue);\n  }\n\n");
          accessors.append(doc("Returns {@code " + wire + "} exactly as the server sent it, or empty if the reply lacks it."))
              .append("  public Optional<String> ").append(java).append("AsString() {\n    return raw.findText(\"")
              .append(wire).append("\");\n  }\n\n");
        }
        default -> accessors.append(doc(doc + ("id".equals(kind) ? " An object id." : " Text.") + listNote))
            .append("  public Optional<String> ").append(java).append("() {\n    return raw.findText(\"")
            .append(wire).append("\");\n  }\n\n");
      }
    }
    b.append(constants);
    if (constants.length() > 0) {
      b.append("\n");
    }
    b.append("  /**\n   * Checks the object.\n   *\n   * @param raw the generic {@code <").append(type.element)
        .append(">} object this model reads; not null\n   */\n  public ").append(type.javaName)
        .append(" {\n    requireNonNull(raw, \"raw == null\");\n  }\n\n");
    if (type.listed) {
      b.append("  /** {@return the {@code id} attribute, the id to pass to get, update and delete} */\n")
          .append("  public String id() {\n    return raw.id();\n  }\n\n");
    }
    b.append(accessors);
    GeneratedSources.trimBlank(b);
    b.append("}\n");
    sources.put(type.javaName, b.toString(), true, "io.mmsdk.cms.core.CmsObject", "io.mmsdk.cms.core.CmsField", "java.math.BigDecimal",
        "java.time.Instant", "java.util.Optional");
  }

  /**
   * Returns the enum of the value set {@code values}, emitting it on first use: named after the
   * wire name's last segment (or the overlay's name), prefixed with {@code owner} if that is taken.
   */
  String enumFor(String owner, String wire, List<String> values) {
    // One enum per set of values, whatever their order in the blueprint's tables.
    List<String> key = new ArrayList<>(new java.util.TreeSet<>(values));
    String existing = enumByValues.get(key);
    if (existing != null) {
      return existing;
    }
    String last = wire.substring(wire.lastIndexOf('/') + 1);
    String name = model.typeNames.getOrDefault("enum:" + last, pascal(last));
    if (enumNames.contains(name) || name.equals(owner) || sources.contains(name)) {
      name = owner + name;
    }
    String base = name;
    for (int i = 2; enumNames.contains(name); i++) {
      name = base + i;
    }
    enumNames.add(name);
    enumByValues.put(key, name);
    StringBuilder b = new StringBuilder();
    b.append("/**\n * The values of {@code ").append(last).append("} that the API model knows. A value\n"
        + " * newer than the model reads as {@link #UNKNOWN_TO_SDK_VERSION}; the accessor ending in\n"
        + " * {@code AsString} still has its text.\n */\n");
    b.append("public enum ").append(name).append(" {\n");
    Set<String> constants = new LinkedHashSet<>();
    for (String v : new LinkedHashSet<>(values)) {
      String c = unique(constantName(v), constants);
      b.append("  /** The wire value {@code ").append(v).append("}. */\n  ").append(c).append("(\"")
          .append(v).append("\"),\n");
    }
    b.append("  /** A value this version of the SDK does not know. */\n  UNKNOWN_TO_SDK_VERSION(null);\n\n");
    b.append("  private final String value;\n\n  ").append(name).append("(String value) {\n    this.value = value;\n  }\n\n");
    b.append("  /**\n   * {@return the constant for {@code value}, or {@link #UNKNOWN_TO_SDK_VERSION}}\n   *\n"
        + "   * @param value the wire text of {@code ").append(last).append("}, as the server sent it\n   */\n");
    b.append("  public static ").append(name).append(" fromValue(String value) {\n");
    b.append("    for (").append(name).append(" candidate : values()) {\n");
    b.append("      if (candidate.value != null && candidate.value.equals(value)) {\n        return candidate;\n      }\n    }\n");
    b.append("    return UNKNOWN_TO_SDK_VERSION;\n  }\n\n");
    b.append("  /**\n   * {@return the wire value}\n   *\n   * @throws IllegalStateException for {@link #UNKNOWN_TO_SDK_VERSION}, which has none\n   */\n");
    b.append("  public String value() {\n    if (value == null) {\n      throw new IllegalStateException(\n"
        + "          \"UNKNOWN_TO_SDK_VERSION has no wire value; send the text with the String overload\");\n    }\n"
        + "    return value;\n  }\n\n");
    b.append("  @Override\n  public String toString() {\n    return value == null ? name() : value;\n  }\n}\n");
    sources.put(name, b.toString(), false);
    return name;
  }
}
