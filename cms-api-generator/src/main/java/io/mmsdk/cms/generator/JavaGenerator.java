package io.mmsdk.cms.generator;

import static io.mmsdk.cms.generator.ApiModel.maps;
import static io.mmsdk.cms.generator.ApiModel.strings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an {@link ApiModel} into Java sources of package {@value #PACKAGE}: a record per reply
 * element, an enum per enumerated value set, a parameters class per request body, list options per
 * family with filters, an operations class per family and the {@code CmsApi} entry point. Output
 * is deterministic: the same model gives the same text.
 */
public final class JavaGenerator {
  static final String PACKAGE = "io.mmsdk.cms.api";
  private static final Set<String> RESERVED = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
      "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
      "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
      "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
      "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
      "volatile", "while", "true", "false", "null", "var", "record", "yield",
      "raw", "id", "hashCode", "toString", "equals", "getClass", "notify", "notifyAll", "wait",
      "builder", "build", "extra", "form", "of", "list", "get", "find", "create", "update", "delete");

  private final ApiModel model;
  private final Map<String, String> sources = new TreeMap<>();
  /** Enum name by its value set. */
  private final Map<List<String>, String> enumByValues = new LinkedHashMap<>();
  private final Set<String> enumNames = new LinkedHashSet<>();
  /** Registry rows: method, path, Java member. */
  private final List<String[]> operations = new ArrayList<>();

  /**
   * Creates a generator for {@code model}.
   *
   * @param model the model (with its overlay applied) to generate Java sources for
   */
  public JavaGenerator(ApiModel model) {
    this.model = model;
  }

  /** {@return every generated source by fully qualified class name} */
  public Map<String, String> generate() {
    Map<String, ObjectType> types = new LinkedHashMap<>();
    for (Map<String, Object> family : model.families) {
      String element = (String) family.get("element");
      if (element == null) {
        continue;
      }
      ObjectType type = types.computeIfAbsent(element, e -> new ObjectType(typeName(e), e));
      type.paths.add((String) family.get("path"));
      type.listFields.addAll(strings(family.get("listFields")));
      type.listed = true;
      type.addFields(maps(family.get("fields")));
    }
    for (Map<String, Object> node : model.nodes) {
      if (node.get("element") != null) {
        ObjectType type = new ObjectType(nodeTypeName(node), (String) node.get("element"));
        type.paths.add((String) node.get("path"));
        type.addFields(maps(node.get("fields")));
        types.put("node:" + node.get("path"), type);
      }
    }
    for (ObjectType type : types.values()) {
      record(type);
    }
    StringBuilder entry = new StringBuilder();
    for (Map<String, Object> family : model.families) {
      family(family, types.get((String) family.get("element")), entry);
    }
    for (Map<String, Object> node : model.nodes) {
      if (node.get("family") == null) {
        entry.append(nodeMethod(node, types.get("node:" + node.get("path")), null, "CmsApi"));
      }
    }
    api(entry);
    registry();
    put("package-info", "/**\n * The typed CMS API, generated at build time from the API model in cms-api-client's\n"
        + " * {@code src/main/model}; start at {@link io.mmsdk.cms.api.CmsApi}. Never edit these sources:\n"
        + " * change the model or its overlay. Every type keeps the generic escape hatch\n"
        + " * ({@code raw()} on models, {@code extra(name, value)} on parameters).\n */\n"
        + "package " + PACKAGE + ";\n", false);
    return sources;
  }

  private String typeName(String element) {
    return model.typeNames.getOrDefault(element, pascal(element));
  }

  private String nodeTypeName(Map<String, Object> node) {
    String family = (String) node.get("family");
    if (family == null) {
      return pascal((String) node.get("name"));
    }
    return ownerPrefix(family) + pascal((String) node.get("name"));
  }

  private String ownerPrefix(String familyName) {
    for (Map<String, Object> family : model.families) {
      if (family.get("name").equals(familyName)) {
        String element = (String) family.get("element");
        return element != null ? typeName(element) : pascal(singular(familyName));
      }
    }
    throw new IllegalArgumentException("node names unknown family " + familyName);
  }

  // ---------------------------------------------------------------- reply records

  private final class ObjectType {
    final String javaName;
    final String element;
    final Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
    final Set<String> listFields = new LinkedHashSet<>();
    final List<String> paths = new ArrayList<>();
    boolean listed;

    ObjectType(String javaName, String element) {
      this.javaName = javaName;
      this.element = element;
    }

    void addFields(List<Map<String, Object>> more) {
      for (Map<String, Object> f : more) {
        fields.putIfAbsent((String) f.get("name"), f);
      }
    }
  }

  private void record(ObjectType type) {
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
    trimBlank(b);
    b.append("}\n");
    put(type.javaName, b.toString(), true, "io.mmsdk.cms.core.CmsObject", "io.mmsdk.cms.core.CmsField", "java.math.BigDecimal",
        "java.time.Instant", "java.util.Optional");
  }

  private String enumFor(String owner, String wire, List<String> values) {
    // One enum per set of values, whatever their order in the blueprint's tables.
    List<String> key = new ArrayList<>(new java.util.TreeSet<>(values));
    String existing = enumByValues.get(key);
    if (existing != null) {
      return existing;
    }
    String last = wire.substring(wire.lastIndexOf('/') + 1);
    String name = model.typeNames.getOrDefault("enum:" + last, pascal(last));
    if (enumNames.contains(name) || name.equals(owner) || sources.containsKey(PACKAGE + "." + name)) {
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
    put(name, b.toString(), false);
    return name;
  }

  // ---------------------------------------------------------------- request parameters

  private String parameters(String javaName, List<Map<String, Object>> params, String what) {
    if (sources.containsKey(PACKAGE + "." + javaName)) {
      return javaName;
    }
    StringBuilder b = new StringBuilder();
    b.append("/**\n * The parameters of ").append(what).append(", sent form-encoded. Each parameter has three\n"
        + " * states: not called (left unchanged on modify), set, or unset (sent empty, so the object falls\n"
        + " * back to its inherited default). {@link Builder#extra(String, String)} sends a parameter the\n"
        + " * model does not know. Immutable; {@link #toString()} names the parameters but never their values.\n */\n");
    b.append("public final class ").append(javaName).append(" {\n  private final Form form;\n\n  private ")
        .append(javaName).append("(Form form) {\n    this.form = form;\n  }\n\n");
    b.append("  /** {@return a new builder} */\n  public static Builder builder() {\n    return new Builder();\n  }\n\n");
    b.append("  /** {@return the generic form these parameters send} */\n  public Form form() {\n    return form;\n  }\n\n");
    b.append("  /** {@return a builder holding these parameters} */\n  public Builder toBuilder() {\n    return new Builder(form.toBuilder());\n  }\n\n");
    b.append("  @Override\n  public String toString() {\n    return \"").append(javaName).append("\" + form.parameters().keySet();\n  }\n\n");
    b.append("  /** Builds {@link ").append(javaName).append("}. Not thread-safe. */\n");
    b.append("  public static final class Builder {\n    private final Form.Builder form;\n\n");
    b.append("    private Builder() {\n      this(Form.builder());\n    }\n\n");
    b.append("    private Builder(Form.Builder form) {\n      this.form = form;\n    }\n\n");
    Set<String> used = new LinkedHashSet<>();
    for (Map<String, Object> p : params) {
      String wire = (String) p.get("name");
      if (!wire.matches("[A-Za-z][A-Za-z0-9]*")) {
        continue;
      }
      String java = unique(memberName(wire), used);
      String since = p.get("since") != null ? " (from CMS " + p.get("since") + ")" : "";
      String kind = (String) p.get("type");
      switch (kind) {
        case "boolean" -> b.append(doc("Sets {@code " + wire + "}" + since + ".\n\n@param value the value to send\n@return this builder", "    "))
            .append("    public Builder ").append(java).append("(boolean value) {\n      form.set(\"").append(wire)
            .append("\", String.valueOf(value));\n      return this;\n    }\n\n");
        case "integer" -> b.append(doc("Sets {@code " + wire + "}" + since + ".\n\n@param value the value to send\n@return this builder", "    "))
            .append("    public Builder ").append(java).append("(long value) {\n      form.set(\"").append(wire)
            .append("\", String.valueOf(value));\n      return this;\n    }\n\n");
        case "decimal" -> b.append(doc("Sets {@code " + wire + "}" + since + ".\n\n@param value the value to send\n@return this builder", "    "))
            .append("    public Builder ").append(java).append("(BigDecimal value) {\n      form.set(\"").append(wire)
            .append("\", value.toPlainString());\n      return this;\n    }\n\n");
        case "timestamp" -> b.append(doc("Sets {@code " + wire + "}" + since + ".\n\n@param value the value to send\n@return this builder", "    "))
            .append("    public Builder ").append(java).append("(Instant value) {\n      form.set(\"").append(wire)
            .append("\", value.toString());\n      return this;\n    }\n\n");
        case "enum" -> {
          String e = enumFor(javaName.replace("Parameters", ""), wire, strings(p.get("values")));
          b.append(doc("Sets {@code " + wire + "}" + since + ".\n\n@param value the value to send\n@return this builder\n@throws IllegalArgumentException for {@link "
                  + e + "#UNKNOWN_TO_SDK_VERSION}; send such text with {@link #" + java + "(String)}", "    "))
              .append("    public Builder ").append(java).append("(").append(e).append(" value) {\n")
              .append("      requireNonNull(value, \"value == null\");\n")
              .append("      if (value == ").append(e).append(".UNKNOWN_TO_SDK_VERSION) {\n")
              .append("        throw new IllegalArgumentException(\"").append(wire)
              .append(" cannot be sent as UNKNOWN_TO_SDK_VERSION; pass the wire text to ").append(java)
              .append("(String)\");\n      }\n      form.set(\"").append(wire)
              .append("\", value.value());\n      return this;\n    }\n\n");
          b.append(doc("Sets {@code " + wire + "} to wire text, for values newer than the model.\n\n@param value the wire text to send\n@return this builder", "    "))
              .append("    public Builder ").append(java).append("(String value) {\n      form.set(\"").append(wire)
              .append("\", requireNonNull(value, \"value == null\"));\n      return this;\n    }\n\n");
        }
        default -> b.append(doc("Sets {@code " + wire + "}" + since + ("id".equals(kind) ? ", an object id." : ".") + "\n\n@param value the value to send\n@return this builder", "    "))
            .append("    public Builder ").append(java).append("(String value) {\n      form.set(\"").append(wire)
            .append("\", requireNonNull(value, \"value == null\"));\n      return this;\n    }\n\n");
      }
      b.append(doc("Unsets {@code " + wire + "}: sends it empty so the inherited default applies.\n\n@return this builder", "    "))
          .append("    public Builder unset").append(pascal(java)).append("() {\n      form.unset(\"").append(wire)
          .append("\");\n      return this;\n    }\n\n");
    }
    b.append(doc("Sets a parameter the model does not know, by wire name; an empty value unsets it.\n\n@param name the parameter's wire name\n@param value its text; empty unsets it\n@return this builder", "    "))
        .append("    public Builder extra(String name, String value) {\n      form.set(name, value);\n      return this;\n    }\n\n");
    b.append("    /** {@return the parameters} */\n    public ").append(javaName).append(" build() {\n      return new ")
        .append(javaName).append("(form.build());\n    }\n  }\n}\n");
    put(javaName, b.toString(), true, "io.mmsdk.cms.core.Form", "java.math.BigDecimal", "java.time.Instant");
    return javaName;
  }

  private String listOptions(String javaName, List<Map<String, Object>> filters, String path) {
    StringBuilder b = new StringBuilder();
    b.append("/**\n * The filters the list {@code GET /").append(path).append("} accepts, and its page size. Immutable.\n */\n");
    b.append("public final class ").append(javaName).append(" {\n  private final ListOptions options;\n\n  private ")
        .append(javaName).append("(ListOptions options) {\n    this.options = options;\n  }\n\n");
    b.append("  /** {@return a new builder} */\n  public static Builder builder() {\n    return new Builder();\n  }\n\n");
    b.append("  /** {@return the generic options these filters send} */\n  public ListOptions options() {\n    return options;\n  }\n\n");
    b.append("  /** Builds {@link ").append(javaName).append("}. Not thread-safe. */\n");
    b.append("  public static final class Builder {\n    private final ListOptions.Builder options = ListOptions.builder();\n\n");
    b.append("    private Builder() {}\n\n");
    Set<String> used = new LinkedHashSet<>(Set.of("pageSize"));
    for (Map<String, Object> f : filters) {
      String wire = (String) f.get("name");
      String java = unique(memberName(wire), used);
      String kind = (String) f.get("type");
      String param = switch (kind) {
        case "boolean" -> "boolean value";
        case "integer" -> "long value";
        default -> "String value";
      };
      String convert = kind.equals("boolean") || kind.equals("integer") ? "String.valueOf(value)" : "requireNonNull(value, \"value == null\")";
      b.append(doc("Sets the filter {@code " + wire + "}" + ("id".equals(kind) ? ", an object id." : ".") + "\n\n@param value the value to send\n@return this builder", "    "))
          .append("    public Builder ").append(java).append("(").append(param).append(") {\n      options.parameter(\"")
          .append(wire).append("\", ").append(convert).append(");\n      return this;\n    }\n\n");
    }
    b.append("    /**\n     * Sets the {@code limit} asked for per page, 1 or more (the server may return fewer).\n     *\n     * @param pageSize the items asked for per page, 1 or more\n     * @return this builder\n     */\n")
        .append("    public Builder pageSize(int pageSize) {\n      options.pageSize(pageSize);\n      return this;\n    }\n\n");
    b.append("    /** {@return the options} */\n    public ").append(javaName).append(" build() {\n      return new ")
        .append(javaName).append("(options.build());\n    }\n  }\n}\n");
    put(javaName, b.toString(), true, "io.mmsdk.cms.core.ListOptions");
    return javaName;
  }

  // ---------------------------------------------------------------- operations

  private void family(Map<String, Object> family, ObjectType type, StringBuilder entry) {
    String name = (String) family.get("name");
    String className = pascal(name);
    String path = (String) family.get("path");
    String parent = (String) family.get("parent");
    List<String> ops = strings(family.get("operations"));
    String collection = parent == null ? path : path.replace("{" + parent + "}", "{parent}");
    StringBuilder b = new StringBuilder();
    b.append("/**\n * Operations on {@code /").append(path).append("}").append(parent != null ? ", below one parent object" : "")
        .append(". Obtained from {@link CmsApi#").append(name).append("(")
        .append(parent != null ? "String" : "").append(")}; thread-safe.\n");
    if (!ops.contains("create") && !ops.contains("update") && !ops.contains("delete")) {
      b.append(" * The family is read-only in the CMS API, so it has no create, update or delete.\n");
    }
    if (family.get("listAttributes") != null && !strings(family.get("listAttributes")).equals(List.of("total"))) {
      b.append(" * Its list root carries ").append(strings(family.get("listAttributes")).stream()
          .map(a -> "{@code " + a + "}").reduce((x, y) -> x + ", " + y).orElse("")).append(" (see {@link ResourceList#summary()}).\n");
    }
    b.append(" */\npublic final class ").append(className).append(" {\n");
    if (type != null) {
      b.append("  private static final ResourceType TYPE =\n      ResourceType.custom(\"").append(collection)
          .append("\", \"").append(family.get("listElement")).append("\", \"").append(family.get("element")).append("\");\n\n");
    }
    int headerAt = b.length();
    String member = className + "#";
    String item = path + "/{}";
    String t = type == null ? null : type.javaName;
    String paramsClass = null;
    if (ops.contains("create") || ops.contains("update")) {
      String base = t != null ? t : pascal(singular(name));
      paramsClass = parameters(base + "Parameters", writableParameters(family),
          "a create ({@code POST /" + path + "}) or modify request");
    }
    if (ops.contains("list")) {
      List<Map<String, Object>> filters = maps(family.get("listFilters"));
      b.append(doc("Returns a lazy list of all objects: {@code GET /" + path + "}, page by page."))
          .append("  public ResourceList<").append(t).append("> list() {\n    return resources.list().map(").append(t)
          .append("::new);\n  }\n\n");
      if (!filters.isEmpty()) {
        String options = listOptions(t + "ListOptions", filters, path);
        b.append(doc("Returns a lazy list of the objects matching {@code options}: {@code GET /" + path + "}, page by page."
                + "\n\n@param options the filters and page size to send"))
            .append("  public ResourceList<").append(t).append("> list(").append(options)
            .append(" options) {\n    requireNonNull(options, \"options == null\");\n    return resources.list(options.options()).map(")
            .append(t).append("::new);\n  }\n\n");
      }
      operations.add(new String[] {"GET", path, member + "list"});
    }
    if (ops.contains("get")) {
      b.append(doc("Fetches one object: {@code GET /" + path + "/<id>}.\n\n" + idParam("fetch") + "\n"
              + "@return the object, with every element the reply carries\n@throws CmsNotFoundException if it does not exist"))
          .append("  public ").append(t).append(" get(String id) {\n    return new ").append(t)
          .append("(resources.get(id));\n  }\n\n");
      b.append(doc("Fetches one object, or returns empty if it does not exist: {@code GET /" + path + "/<id>}.\n\n"
              + idParam("fetch") + "\n@return the object, or empty if no object has that id"))
          .append("  public Optional<").append(t).append("> find(String id) {\n    return resources.find(id).map(").append(t)
          .append("::new);\n  }\n\n");
      operations.add(new String[] {"GET", item, member + "get"});
    }
    if (ops.contains("create") && type == null) {
      String itemPath = parent == null ? "\"" + path + "\"" : "\"" + path.replace("{" + parent + "}", "\" + " + parent + " + \"") + "\"";
      b.append(doc("Sends {@code POST /" + path + "}. Never retried automatically.\n\n"
              + "@param parameters the parameters of the request\n"
              + "@return the id in the reply's {@code Location}, or empty if it has none"))
          .append("  public Optional<String> create(").append(paramsClass).append(" parameters) {\n")
          .append("    requireNonNull(parameters, \"parameters == null\");\n    return client.post(")
          .append(itemPath.replace(" + \"\"", "")).append(", parameters.form());\n  }\n\n");
      operations.add(new String[] {"POST", path, member + "create"});
    } else if (ops.contains("create")) {
      b.append(doc("Creates an object: {@code POST /" + path + "}. Never retried automatically.\n\n"
              + "@param parameters the new object's parameters; those not set take the server's defaults\n"
              + "@return the new object's id, from the reply's {@code Location}"))
          .append("  public String create(").append(paramsClass).append(" parameters) {\n")
          .append("    requireNonNull(parameters, \"parameters == null\");\n    return resources.create(parameters.form());\n  }\n\n");
      operations.add(new String[] {"POST", path, member + "create"});
    }
    if (ops.contains("update")) {
      b.append(doc("Modifies an object: {@code PUT /" + path + "/<id>}. Parameters not set stay unchanged; unset ones are cleared."
              + "\n\n" + idParam("modify") + "\n@param parameters the parameters to change"))
          .append("  public void update(String id, ").append(paramsClass).append(" parameters) {\n")
          .append("    requireNonNull(parameters, \"parameters == null\");\n    resources.update(id, parameters.form());\n  }\n\n");
      operations.add(new String[] {"PUT", item, member + "update"});
    }
    if (ops.contains("delete")) {
      b.append(doc("Deletes an object: {@code DELETE /" + path + "/<id>}.\n\n" + idParam("delete")))
          .append("  public void delete(String id) {\n    resources.delete(id);\n  }\n\n");
      operations.add(new String[] {"DELETE", item, member + "delete"});
    }
    for (Map<String, Object> node : model.nodes) {
      if (name.equals(node.get("family"))) {
        b.append(nodeMethod(node, findNodeType(node), parent, className));
      }
    }
    b.insert(headerAt, fields(className, parent, type != null, b.substring(headerAt)));
    trimBlank(b);
    b.append("}\n");
    put(className, b.toString(), true, "io.mmsdk.cms.core.CmsOperations", "io.mmsdk.cms.core.CmsResources", "io.mmsdk.cms.core.ResourceList",
        "io.mmsdk.cms.core.ResourceType", "io.mmsdk.cms.core.Form", "io.mmsdk.cms.CmsNotFoundException",
        "io.mmsdk.cms.internal.PathSegments", "java.util.Optional");
    entry.append(doc("Returns operations on {@code /" + path + "}" + (parent != null ? " below one parent object" : "") + "."
            + (parent != null ? "\n\n" + pathParam(parent) : "")))
        .append("  public ").append(className).append(" ").append(name).append("(")
        .append(parent != null ? "String " + parent : "").append(") {\n    return new ").append(className)
        .append("(client").append(parent != null ? ", " + parent : "").append(");\n  }\n\n");
  }

  /**
   * Returns the parameters of every writable family sharing {@code family}'s element (call legs are
   * created below a call and modified at the top level, with one parameters class).
   */
  private List<Map<String, Object>> writableParameters(Map<String, Object> family) {
    Map<String, Map<String, Object>> union = new LinkedHashMap<>();
    for (Map<String, Object> f : model.families) {
      boolean same = f == family || (family.get("element") != null && family.get("element").equals(f.get("element")));
      List<String> ops = strings(f.get("operations"));
      if (same && (ops.contains("create") || ops.contains("update"))) {
        for (Map<String, Object> p : maps(f.get("parameters"))) {
          union.putIfAbsent((String) p.get("name"), p);
        }
      }
    }
    return new ArrayList<>(union.values());
  }

  /** Fields and constructor of an operations class: only what its methods use. */
  private static String fields(String className, String parent, boolean collection, String methods) {
    boolean usesClient = methods.contains("client.");
    boolean usesParent = parent != null && methods.contains("+ " + parent + " +");
    StringBuilder b = new StringBuilder();
    if (usesClient) {
      b.append("  private final CmsOperations client;\n");
    }
    if (usesParent) {
      b.append("  private final String ").append(parent).append(";\n");
    }
    if (collection) {
      b.append("  private final CmsResources resources;\n");
    }
    b.append("\n  ").append(className).append("(CmsOperations client").append(parent != null ? ", String " + parent : "")
        .append(") {\n    requireNonNull(client, \"client == null\");\n");
    if (usesClient) {
      b.append("    this.client = client;\n");
    }
    if (usesParent) {
      b.append("    this.").append(parent).append(" = PathSegments.segment(").append(parent).append(");\n");
    }
    if (collection) {
      b.append("    this.resources = client.resources(TYPE").append(parent != null ? ", " + parent : "").append(");\n");
    }
    return b.append("  }\n\n").toString();
  }

  private ObjectType findNodeType(Map<String, Object> node) {
    if (node.get("element") == null) {
      return null;
    }
    ObjectType type = new ObjectType(nodeTypeName(node), (String) node.get("element"));
    return type;
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

  private String nodeMethod(Map<String, Object> node, ObjectType reply, String familyParent, String owner) {
    String name = (String) node.get("name");
    String method = (String) node.get("method");
    String path = (String) node.get("path");
    String kind = (String) node.get("kind");
    List<String> args = new ArrayList<>();
    StringBuilder javaPath = new StringBuilder("\"");
    Matcher m = VARIABLE.matcher(path);
    int last = 0;
    while (m.find()) {
      javaPath.append(path, last, m.start()).append("\" + ");
      String variable = m.group(1);
      if (variable.equals(familyParent)) {
        javaPath.append(variable);
      } else {
        args.add(variable);
        javaPath.append("PathSegments.segment(").append(variable).append(")");
      }
      javaPath.append(" + \"");
      last = m.end();
    }
    javaPath.append(path.substring(last)).append("\"");
    String pathExpr = javaPath.toString().replace(" + \"\"", "");
    List<Map<String, Object>> params = maps(node.get("parameters"));
    String paramsClass = null;
    if (kind.equals("modify") || kind.equals("query") || kind.equals("readQuery") || (kind.equals("action") && !params.isEmpty())) {
      String base = name.replaceFirst("^(update|create)(?=[A-Z])", "");
      paramsClass = parameters((node.get("family") != null ? ownerPrefix((String) node.get("family")) : "") + pascal(base) + "Parameters",
          params, "{@code " + method + " /" + path + "}");
    }
    String replyType = reply == null ? null : nodeTypeName(node);
    StringBuilder sig = new StringBuilder();
    for (String a : args) {
      sig.append(sig.length() > 0 ? ", " : "").append("String ").append(a);
    }
    if (paramsClass != null) {
      sig.append(sig.length() > 0 ? ", " : "").append(paramsClass).append(" parameters");
    }
    String form = paramsClass != null ? "parameters.form()" : "Form.empty()";
    String check = paramsClass != null ? "    requireNonNull(parameters, \"parameters == null\");\n" : "";
    StringBuilder b = new StringBuilder();
    String what = "{@code " + method + " /" + path + "}";
    StringBuilder tags = new StringBuilder();
    for (String a : args) {
      tags.append("\n").append(pathParam(a));
    }
    if (paramsClass != null) {
      tags.append("\n@param parameters ").append(switch (kind) {
        case "modify" -> "the parameters to change";
        case "readQuery" -> "the query's parameters, sent as the query string";
        case "query" -> "the query's parameters, sent form-encoded";
        default -> "the request's parameters, sent form-encoded";
      });
    }
    String returns = switch (kind) {
      case "read" -> "\n@return the {@code <" + reply.element + ">} object of the reply";
      case "readQuery", "query" -> "\n@return the query's result, the {@code <" + reply.element + ">} object of the reply";
      case "action" -> "\n@return the id in the reply's {@code Location}, or empty if the reply has none";
      default -> "";
    };
    String tail = tags.length() + returns.length() == 0 ? "" : "\n" + tags + returns;
    switch (kind) {
      case "read" -> b.append(doc("Reads " + what + "." + tail))
          .append("  public ").append(replyType).append(" ").append(name).append("(").append(sig).append(") {\n    return new ")
          .append(replyType).append("(client.read(").append(pathExpr).append("));\n  }\n\n");
      case "readQuery" -> b.append(doc("Runs the query " + what + " with the parameters sent as the query string." + tail))
          .append("  public ").append(replyType).append(" ").append(name).append("(").append(sig).append(") {\n").append(check)
          .append("    return new ").append(replyType).append("(client.read(").append(pathExpr).append(", ").append(form).append("));\n  }\n\n");
      case "query" -> b.append(doc("Runs the query " + what + ", which answers 200 with the result instead of a {@code Location}." + tail))
          .append("  public ").append(replyType).append(" ").append(name).append("(").append(sig).append(") {\n").append(check)
          .append("    return new ").append(replyType).append("(client.postForReply(").append(pathExpr).append(", ").append(form).append("));\n  }\n\n");
      case "action" -> b.append(doc("Sends " + what + ". The reply's {@code Location}, if any, names what the action started "
              + "(for example the diagnostics). Never retried automatically." + tail))
          .append("  public Optional<String> ").append(name).append("(").append(sig).append(") {\n").append(check)
          .append("    return client.post(").append(pathExpr).append(", ").append(form).append(");\n  }\n\n");
      case "modify" -> b.append(doc("Sends " + what + ". Parameters not set stay unchanged; unset ones are cleared." + tail))
          .append("  public void ").append(name).append("(").append(sig).append(") {\n").append(check)
          .append("    client.put(").append(pathExpr).append(", ").append(form).append(");\n  }\n\n");
      case "deleteNode" -> b.append(doc("Sends " + what + "." + tail))
          .append("  public void ").append(name).append("(").append(sig).append(") {\n    client.delete(")
          .append(pathExpr).append(");\n  }\n\n");
      default -> throw new IllegalArgumentException("node " + path + " has unknown kind " + kind);
    }
    operations.add(new String[] {method, path, owner + "#" + name});
    return b.toString();
  }

  /** {@return the {@code @param id} tag of a family's item operation that does {@code verb} to the object} */
  private static String idParam(String verb) {
    return "@param id the id of the object to " + verb + ": its {@code id} attribute, as list replies carry it";
  }

  /**
   * Returns the {@code @param} tag of a path variable such as {@code coSpaceId}: the id of the
   * object its name stands for.
   */
  private static String pathParam(String variable) {
    String object = variable.endsWith("Id") && variable.length() > 2 ? variable.substring(0, variable.length() - 2) : variable;
    return "@param " + variable + " the id of the {@code " + object + "} that {@code {" + variable + "}} stands for in the path";
  }

  private void api(StringBuilder entry) {
    StringBuilder b = new StringBuilder();
    b.append("/**\n * The typed CMS API of one client ({@link io.mmsdk.cms.CmsClient#api()}): an operations object\n"
        + " * per family and a method per single-object node, query and action. Generated from the API model;\n"
        + " * what the model does not know stays reachable through the {@link CmsOperations} of the client.\n"
        + " * Thread-safe and cheap to create.\n */\n");
    b.append("public final class CmsApi {\n  private final CmsOperations client;\n\n  private CmsApi(CmsOperations client) {\n")
        .append("    this.client = requireNonNull(client, \"client == null\");\n  }\n\n");
    b.append("  /**\n   * {@return the typed API over {@code client}}\n   *\n"
        + "   * @param client the client that sends every request, with its connection and credentials\n   */\n"
        + "  public static CmsApi of(CmsOperations client) {\n    return new CmsApi(client);\n  }\n\n");
    b.append(entry);
    trimBlank(b);
    b.append("}\n");
    put("CmsApi", b.toString(), true, "io.mmsdk.cms.core.CmsOperations", "io.mmsdk.cms.core.Form",
        "io.mmsdk.cms.internal.PathSegments", "java.util.Optional");
  }

  private void registry() {
    StringBuilder b = new StringBuilder();
    b.append("/** Every typed operation as method, path (variables as {@code {}}) and Java member; for tests. */\n");
    b.append("final class GeneratedOperations {\n  static final String[][] ALL = {\n");
    for (String[] op : operations) {
      b.append("    {\"").append(op[0]).append("\", \"").append(VARIABLE.matcher(op[1]).replaceAll("{}"))
          .append("\", \"").append(op[2]).append("\"},\n");
    }
    b.append("  };\n\n  private GeneratedOperations() {}\n}\n");
    put("GeneratedOperations", b.toString(), false);
  }

  // ---------------------------------------------------------------- text helpers

  private void put(String simpleName, String body, boolean requireNonNull, String... imports) {
    StringBuilder b = new StringBuilder();
    b.append("// Generated by cms-api-generator from src/main/model; do not edit.\n");
    b.append("package ").append(PACKAGE).append(";\n\n");
    if (!simpleName.equals("package-info")) {
      Set<String> used = new java.util.TreeSet<>();
      if (requireNonNull && body.contains("requireNonNull(")) {
        b.append("import static java.util.Objects.requireNonNull;\n\n");
      }
      for (String i : imports) {
        String simple = i.substring(i.lastIndexOf('.') + 1);
        if (Pattern.compile("\\b" + simple + "\\b").matcher(body).find()) {
          used.add(i);
        }
      }
      used.forEach(i -> b.append("import ").append(i).append(";\n"));
      if (!used.isEmpty()) {
        b.append("\n");
      }
      sources.put(PACKAGE + "." + simpleName, b + body);
    } else {
      sources.put(PACKAGE + ".package-info", body.replace("package " + PACKAGE, "// Generated by cms-api-generator; do not edit.\npackage " + PACKAGE));
    }
  }

  private static String doc(String text) {
    return doc(text, "  ");
  }

  private static String doc(String text, String indent) {
    StringBuilder b = new StringBuilder(indent).append("/**\n");
    for (String line : returnTag(text).split("\n", -1)) {
      b.append(indent).append(line.isEmpty() ? " *" : " * " + line).append("\n");
    }
    return b.append(indent).append(" */\n").toString();
  }

  /**
   * Turns a leading "Returns X." sentence into {@code {@return X}}, which doclint takes as the
   * method's {@code @return}, so generated accessors and operations are fully documented.
   */
  private static String returnTag(String text) {
    if (!text.startsWith("Returns ")) {
      return text;
    }
    int depth = 0;
    for (int i = "Returns ".length(); i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (c == '.' && depth == 0 && (i + 1 == text.length() || text.charAt(i + 1) == ' '
          || text.charAt(i + 1) == '\n') && !text.startsWith("e.g", i - 3) && !text.startsWith("i.e", i - 3)) {
        return "{@return " + text.substring("Returns ".length(), i) + "}" + text.substring(i + 1);
      }
    }
    return text;
  }

  private static void trimBlank(StringBuilder b) {
    while (b.length() > 1 && b.charAt(b.length() - 1) == '\n' && b.charAt(b.length() - 2) == '\n') {
      b.setLength(b.length() - 1);
    }
  }

  private static String unique(String name, Set<String> used) {
    String candidate = name;
    for (int i = 2; !used.add(candidate); i++) {
      candidate = name + i;
    }
    return candidate;
  }

  static String memberName(String wire) {
    StringBuilder b = new StringBuilder();
    for (String part : wire.split("[^A-Za-z0-9]+")) {
      if (part.isEmpty()) {
        continue;
      }
      b.append(b.length() == 0 ? Character.toLowerCase(part.charAt(0)) + part.substring(1) : pascal(part));
    }
    String name = b.length() == 0 ? "value" : b.toString();
    if (Character.isDigit(name.charAt(0))) {
      name = "v" + name;
    }
    return RESERVED.contains(name) ? name + "Value" : name;
  }

  static String pascal(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static String singular(String s) {
    return s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
  }

  static String upperSnake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
  }

  private static String constantName(String value) {
    String c = upperSnake(value);
    if (c.isEmpty() || Character.isDigit(c.charAt(0)) || c.startsWith("_")) {
      c = "V_" + c;
    }
    return c.equals("UNKNOWN_TO_SDK_VERSION") ? c + "_VALUE" : c;
  }
}
