package io.mmsdk.cms.generator;

import static io.mmsdk.cms.generator.ApiModel.strings;
import static io.mmsdk.cms.generator.Javadoc.doc;
import static io.mmsdk.cms.generator.Names.memberName;
import static io.mmsdk.cms.generator.Names.pascal;
import static io.mmsdk.cms.generator.Names.unique;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Emits the request types: a parameters class per request body (a builder with a setter and an
 * unsetter per parameter) and list options per family with filters.
 */
final class RequestTypes {
  private final GeneratedSources sources;
  private final ReplyTypes replyTypes;

  RequestTypes(GeneratedSources sources, ReplyTypes replyTypes) {
    this.sources = sources;
    this.replyTypes = replyTypes;
  }

  /**
   * Returns the parameters class {@code javaName} of {@code params}, emitting it unless it was
   * already; {@code what} names the request in its Javadoc.
   */
  String parameters(String javaName, List<Map<String, Object>> params, String what) {
    if (sources.contains(javaName)) {
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
          String e = replyTypes.enumFor(javaName.replace("Parameters", ""), wire, strings(p.get("values")));
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
    sources.put(javaName, b.toString(), true, "io.mmsdk.cms.core.Form", "java.math.BigDecimal", "java.time.Instant");
    return javaName;
  }

  /** Emits and returns the list options class {@code javaName} of a list's {@code filters}. */
  String listOptions(String javaName, List<Map<String, Object>> filters, String path) {
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
    sources.put(javaName, b.toString(), true, "io.mmsdk.cms.core.ListOptions");
    return javaName;
  }
}
