package io.mmsdk.cms.generator;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API model as read from JSON, with the overlay applied. Families, nodes and their fields stay
 * the JSON maps Moshi reads; this class gives them names and checks the overlay.
 */
public final class ApiModel {
  final List<Map<String, Object>> families;
  final List<Map<String, Object>> nodes;
  final Map<String, String> typeNames;

  private ApiModel(List<Map<String, Object>> families, List<Map<String, Object>> nodes, Map<String, String> typeNames) {
    this.families = families;
    this.nodes = nodes;
    this.typeNames = typeNames;
  }

  /**
   * Reads the model and applies the overlay's corrections; throws if a correction matches nothing.
   *
   * @param modelJson the API model, the text of {@code cms-api-model.json}
   * @param overlayJson the reviewed corrections, the text of the overlay file; each needs a {@code
   *     "why"}
   * @return the model with every correction applied
   * @throws IOException if either text is not valid JSON
   * @throws IllegalArgumentException if a correction matches no family, node or field of the model,
   *     or has no {@code "why"}
   */
  public static ApiModel read(String modelJson, String overlayJson) throws IOException {
    JsonAdapter<Object> adapter = new Moshi.Builder().build().adapter(Object.class);
    Map<String, Object> model = map(adapter.fromJson(modelJson));
    Map<String, Object> overlay = map(adapter.fromJson(overlayJson));
    List<Map<String, Object>> families = maps(model.get("families"));
    List<Map<String, Object>> nodes = maps(model.get("nodes"));
    Map<String, String> typeNames = new LinkedHashMap<>();
    Object names = overlay.get("typeNames");
    if (names != null) {
      map(names).forEach((k, v) -> typeNames.put(k, (String) v));
    }
    for (Map<String, Object> correction : maps(overlay.get("corrections"))) {
      apply(correction, families, nodes);
    }
    return new ApiModel(families, nodes, typeNames);
  }

  private static void apply(Map<String, Object> c, List<Map<String, Object>> families, List<Map<String, Object>> nodes) {
    String family = (String) c.get("family");
    String in = (String) c.get("in");
    String name = (String) c.get("name");
    if (c.get("why") == null) {
      throw new IllegalArgumentException("overlay correction for " + family + "." + name + " has no \"why\"");
    }
    int matched = 0;
    List<Map<String, Object>> targets = new ArrayList<>(families);
    targets.addAll(nodes);
    for (Map<String, Object> target : targets) {
      if (!family.equals("*") && !family.equals(target.get("name"))) {
        continue;
      }
      if ("listAttributes".equals(in)) {
        @SuppressWarnings("unchecked")
        List<Object> attributes = (List<Object>) target.get("listAttributes");
        if (attributes != null && Boolean.TRUE.equals(c.get("add"))) {
          attributes.add(name);
          matched++;
        }
        continue;
      }
      for (String list : in.equals("any") ? List.of("fields", "parameters", "listFilters") : List.of(in)) {
        Object value = target.get(list);
        if (value == null && Boolean.TRUE.equals(c.get("add"))) {
          value = new ArrayList<>();
          target.put(list, value);
        }
        if (value == null) {
          continue;
        }
        @SuppressWarnings("unchecked")
        List<Object> entries = (List<Object>) value;
        if (Boolean.TRUE.equals(c.get("add"))) {
          Map<String, Object> added = new LinkedHashMap<>();
          added.put("name", name);
          added.put("type", c.getOrDefault("type", "string"));
          if (c.get("values") != null) {
            added.put("values", c.get("values"));
          }
          entries.add(added);
          matched++;
          continue;
        }
        for (Iterator<Object> it = entries.iterator(); it.hasNext(); ) {
          Map<String, Object> entry = map(it.next());
          if (!name.equals(entry.get("name"))) {
            continue;
          }
          matched++;
          if (Boolean.TRUE.equals(c.get("drop"))) {
            it.remove();
            continue;
          }
          for (String key : List.of("type", "values", "description")) {
            if (c.get(key) != null) {
              entry.put(key, c.get(key));
            }
          }
          if (c.get("rename") != null) {
            entry.put("name", c.get("rename"));
          }
        }
      }
    }
    if (matched == 0) {
      throw new IllegalArgumentException("overlay correction for " + family + " " + in + " " + name
          + " matches nothing in the model; remove it or fix its names");
    }
  }

  /** {@return the families, as JSON maps with the overlay applied} */
  public List<Map<String, Object>> families() {
    return families;
  }

  /**
   * {@return the single-object nodes, queries and actions, as JSON maps with the overlay applied}
   */
  public List<Map<String, Object>> nodes() {
    return nodes;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object o) {
    return o == null ? List.of() : (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  static List<String> strings(Object o) {
    return o == null ? List.of() : (List<String>) o;
  }
}
