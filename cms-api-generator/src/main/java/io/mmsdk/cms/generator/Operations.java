package io.mmsdk.cms.generator;

import static io.mmsdk.cms.generator.ApiModel.maps;
import static io.mmsdk.cms.generator.ApiModel.strings;
import static io.mmsdk.cms.generator.Javadoc.doc;
import static io.mmsdk.cms.generator.Javadoc.idParam;
import static io.mmsdk.cms.generator.Javadoc.pathParam;
import static io.mmsdk.cms.generator.Names.pascal;
import static io.mmsdk.cms.generator.Names.singular;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emits the operations: a class per family (list, get, create, update, delete and the family's
 * nodes), a method per node, the {@code CmsApi} entry point and the registry of every operation.
 */
final class Operations {
  private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

  private final ApiModel model;
  private final GeneratedSources sources;
  private final TypeNames names;
  private final RequestTypes requestTypes;
  /** Registry rows: method, path, Java member. */
  private final List<String[]> operations = new ArrayList<>();

  Operations(ApiModel model, GeneratedSources sources, TypeNames names, RequestTypes requestTypes) {
    this.model = model;
    this.sources = sources;
    this.names = names;
    this.requestTypes = requestTypes;
  }

  /**
   * Emits the operations class of {@code family} (whose objects are {@code type}, or null) and
   * appends its accessor to {@code entry}, the body of {@code CmsApi}.
   */
  void family(Map<String, Object> family, ObjectType type, StringBuilder entry) {
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
      paramsClass = requestTypes.parameters(base + "Parameters", writableParameters(family),
          "a create ({@code POST /" + path + "}) or modify request");
    }
    if (ops.contains("list")) {
      List<Map<String, Object>> filters = maps(family.get("listFilters"));
      b.append(doc("Returns a lazy list of all objects: {@code GET /" + path + "}, page by page."))
          .append("  public ResourceList<").append(t).append("> list() {\n    return resources.list().map(").append(t)
          .append("::new);\n  }\n\n");
      if (!filters.isEmpty()) {
        String options = requestTypes.listOptions(t + "ListOptions", filters, path);
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
    GeneratedSources.trimBlank(b);
    b.append("}\n");
    sources.put(className, b.toString(), true, "io.mmsdk.cms.core.CmsOperations", "io.mmsdk.cms.core.CmsResources", "io.mmsdk.cms.core.ResourceList",
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
    ObjectType type = new ObjectType(names.nodeTypeName(node), (String) node.get("element"));
    return type;
  }


  /**
   * Returns the method of {@code node} (replying {@code reply}, or null), for the class {@code
   * owner}; {@code familyParent} is the family's parent path variable, a field of that class.
   */
  String nodeMethod(Map<String, Object> node, ObjectType reply, String familyParent, String owner) {
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
      paramsClass = requestTypes.parameters((node.get("family") != null ? names.ownerPrefix((String) node.get("family")) : "") + pascal(base) + "Parameters",
          params, "{@code " + method + " /" + path + "}");
    }
    String replyType = reply == null ? null : names.nodeTypeName(node);
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

  /** Emits {@code CmsApi}, whose body after its factory is {@code entry}. */
  void api(StringBuilder entry) {
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
    GeneratedSources.trimBlank(b);
    b.append("}\n");
    sources.put("CmsApi", b.toString(), true, "io.mmsdk.cms.core.CmsOperations", "io.mmsdk.cms.core.Form",
        "io.mmsdk.cms.internal.PathSegments", "java.util.Optional");
  }

  /** Emits {@code GeneratedOperations}, every operation emitted so far. */
  void registry() {
    StringBuilder b = new StringBuilder();
    b.append("/** Every typed operation as method, path (variables as {@code {}}) and Java member; for tests. */\n");
    b.append("final class GeneratedOperations {\n  static final String[][] ALL = {\n");
    for (String[] op : operations) {
      b.append("    {\"").append(op[0]).append("\", \"").append(VARIABLE.matcher(op[1]).replaceAll("{}"))
          .append("\", \"").append(op[2]).append("\"},\n");
    }
    b.append("  };\n\n  private GeneratedOperations() {}\n}\n");
    sources.put("GeneratedOperations", b.toString(), false);
  }
}
