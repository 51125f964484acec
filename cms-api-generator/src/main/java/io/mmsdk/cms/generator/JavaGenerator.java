package io.mmsdk.cms.generator;

import static io.mmsdk.cms.generator.ApiModel.maps;
import static io.mmsdk.cms.generator.ApiModel.strings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns an {@link ApiModel} into Java sources of package {@value #PACKAGE}: a record per reply
 * element, an enum per enumerated value set, a parameters class per request body, list options per
 * family with filters, an operations class per family and the {@code CmsApi} entry point. Output
 * is deterministic: the same model gives the same text.
 *
 * <p>The work is split by job: {@link ReplyTypes} emits records and enums, {@link RequestTypes}
 * parameters and list options, {@link Operations} the family classes, {@code CmsApi} and the
 * operation registry; {@link TypeNames}, {@link Names} and {@link Javadoc} name things and write
 * comments; {@link GeneratedSources} collects the sources with their headers and imports.
 */
public final class JavaGenerator {
  static final String PACKAGE = "io.mmsdk.cms.api";

  private final ApiModel model;
  private final GeneratedSources sources = new GeneratedSources();
  private final TypeNames names;
  private final ReplyTypes replyTypes;
  private final Operations operations;

  /**
   * Creates a generator for {@code model}.
   *
   * @param model the model (with its overlay applied) to generate Java sources for
   */
  public JavaGenerator(ApiModel model) {
    this.model = model;
    this.names = new TypeNames(model);
    this.replyTypes = new ReplyTypes(model, sources);
    this.operations = new Operations(model, sources, names,
        new RequestTypes(sources, replyTypes));
  }

  /** {@return every generated source by fully qualified class name} */
  public Map<String, String> generate() {
    Map<String, ObjectType> types = new LinkedHashMap<>();
    for (Map<String, Object> family : model.families) {
      String element = (String) family.get("element");
      if (element == null) {
        continue;
      }
      ObjectType type = types.computeIfAbsent(element, e -> new ObjectType(names.typeName(e), e));
      type.paths.add((String) family.get("path"));
      type.listFields.addAll(strings(family.get("listFields")));
      type.listed = true;
      type.addFields(maps(family.get("fields")));
    }
    for (Map<String, Object> node : model.nodes) {
      if (node.get("element") != null) {
        ObjectType type = new ObjectType(names.nodeTypeName(node), (String) node.get("element"));
        type.paths.add((String) node.get("path"));
        type.addFields(maps(node.get("fields")));
        types.put("node:" + node.get("path"), type);
      }
    }
    for (ObjectType type : types.values()) {
      replyTypes.record(type);
    }
    StringBuilder entry = new StringBuilder();
    for (Map<String, Object> family : model.families) {
      operations.family(family, types.get((String) family.get("element")), entry);
    }
    for (Map<String, Object> node : model.nodes) {
      if (node.get("family") == null) {
        entry.append(operations.nodeMethod(node, types.get("node:" + node.get("path")), null, "CmsApi"));
      }
    }
    operations.api(entry);
    operations.registry();
    sources.put("package-info", "/**\n * The typed CMS API, generated at build time from the API model in cms-api-client's\n"
        + " * {@code src/main/model}; start at {@link io.mmsdk.cms.api.CmsApi}. Never edit these sources:\n"
        + " * change the model or its overlay. Every type keeps the generic escape hatch\n"
        + " * ({@code raw()} on models, {@code extra(name, value)} on parameters).\n */\n"
        + "package " + PACKAGE + ";\n", false);
    return sources.asMap();
  }
}
