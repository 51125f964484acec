package io.mmsdk.cms.api;

import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.generator.ApiModel;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks CMS objects against the API model: every element is one the model knows for that object,
 * and every typed accessor of the generated model parses its value.
 */
final class ModelConformance {
  /** A family or node of the model: path, list root, element, known field paths and its Java type. */
  record Target(String name, String path, String listElement, String element, Set<String> fields, Class<?> type) {}

  private final List<Target> targets = new ArrayList<>();

  ModelConformance() throws IOException {
    Path dir = Path.of("src/main/model");
    ApiModel model = ApiModel.read(Files.readString(dir.resolve("cms-api-model.json")),
        Files.readString(dir.resolve("cms-api-overlay.json")));
    Map<String, Set<String>> fieldsByElement = new HashMap<>();
    for (Map<String, Object> family : model.families()) {
      if (family.get("element") != null) {
        fieldsByElement.computeIfAbsent((String) family.get("element"), e -> new LinkedHashSet<>())
            .addAll(names(family.get("fields")));
      }
    }
    for (Map<String, Object> family : model.families()) {
      String element = (String) family.get("element");
      if (element == null) {
        continue;
      }
      Class<?> ops = classOf(pascal((String) family.get("name")));
      Method list = Arrays.stream(ops.getMethods()).filter(m -> m.getName().equals("list")).findFirst().orElseThrow();
      Class<?> type = (Class<?>) ((ParameterizedType) list.getGenericReturnType()).getActualTypeArguments()[0];
      targets.add(new Target((String) family.get("name"), (String) family.get("path"), (String) family.get("listElement"),
          element, fieldsByElement.get(element), type));
    }
    for (Map<String, Object> node : model.nodes()) {
      if (node.get("element") == null) {
        continue;
      }
      Class<?> owner = node.get("family") == null ? CmsApi.class : classOf(pascal((String) node.get("family")));
      Method method = Arrays.stream(owner.getMethods()).filter(m -> m.getName().equals(node.get("name"))).findFirst().orElseThrow();
      targets.add(new Target((String) node.get("name"), (String) node.get("path"), null, (String) node.get("element"),
          new LinkedHashSet<>(names(node.get("fields"))), method.getReturnType()));
    }
  }

  List<Target> targets() {
    return targets;
  }

  /** Returns the targets whose path matches the blueprint heading path {@code path}. */
  List<Target> byPath(String path) {
    String wanted = normalize(path);
    List<Target> out = new ArrayList<>();
    for (Target t : targets) {
      String p = normalize(t.path());
      if (p.equals(wanted) || (t.listElement() != null && (p + "/*").equals(wanted))) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Returns what is wrong with {@code object} as an instance of {@code target}: elements the model
   * does not know and values the typed accessors cannot parse. Empty if it conforms.
   */
  List<String> problems(Target target, CmsObject object) {
    List<String> problems = new ArrayList<>();
    for (String path : object.fields().keySet()) {
      String plain = path.replaceAll("\\[\\d+]", "");
      if (!target.fields().contains(plain)) {
        problems.add("<" + target.element() + "> has <" + plain + ">, which the model does not know");
      }
    }
    Object typed;
    try {
      typed = target.type().getConstructor(CmsObject.class).newInstance(object);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(target.type() + " cannot wrap a CmsObject", e);
    }
    for (Method m : target.type().getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0) {
        try {
          m.invoke(typed);
        } catch (InvocationTargetException e) {
          problems.add(target.type().getSimpleName() + "." + m.getName() + "(): " + e.getCause().getMessage());
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return problems;
  }

  static String normalize(String path) {
    String p = path.replaceAll("\\{\\?[^}]*}", "").replaceAll("[{<][^}>]*[}>]", "*").trim();
    p = p.replaceFirst("^/?api/v1/", "").replaceAll("^/+|/+$", "").toLowerCase(Locale.ROOT);
    p = p.replaceFirst("^call/", "calls/").replaceFirst("^participant/", "participants/")
        .replaceFirst("^dialtransform/", "dialtransforms/");
    return p;
  }

  private static Class<?> classOf(String simpleName) {
    try {
      return Class.forName(ModelConformance.class.getPackageName() + "." + simpleName);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no generated class " + simpleName, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(Object fields) {
    List<String> names = new ArrayList<>();
    if (fields != null) {
      for (Map<String, Object> f : (List<Map<String, Object>>) fields) {
        names.add((String) f.get("name"));
      }
    }
    return names;
  }

  private static String pascal(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
