package io.mmsdk.cms.core;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One CMS object (a coSpace, a call leg, a license usage entry, ...) as returned by the server.
 * Immutable and thread-safe.
 *
 * <p>{@link #fields()} holds every leaf element by slash path (for example {@code name},
 * {@code status/state}); repeated siblings get a 1-based suffix from the second one on
 * ({@code rxVideo[2]/codec}). Unknown elements are kept. Read typed values with
 * {@link #find(CmsField)} and the constants in {@link io.mmsdk.cms.CmsFields}; the full XML is {@link
 * #element()}.
 *
 * @param type the element name, for example {@code coSpace}
 * @param id the {@code id} attribute, or "" for objects without one (singletons, usage entries)
 * @param fields every leaf element's text by slash path, in document order
 * @param element the raw element
 */
public record CmsObject(String type, String id, Map<String, String> fields, CmsElement element) {
  /**
   * Copies the fields, keeping their order.
   *
   * @param type the element name, for example {@code coSpace}
   * @param id the {@code id} attribute, or "" for objects without one (singletons, usage entries)
   * @param fields every leaf element's text by slash path, in document order
   * @param element the raw element
   */
  public CmsObject {
    requireNonNull(type, "type == null");
    requireNonNull(id, "id == null");
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    requireNonNull(element, "element == null");
  }

  /**
   * Builds an object from a raw element, flattening its leaves into {@link #fields()}.
   *
   * @param element the raw element
   * @return the object
   */
  public static CmsObject of(CmsElement element) {
    Map<String, String> fields = new LinkedHashMap<>();
    flatten(element, "", fields);
    return new CmsObject(element.name(), element.attributes().getOrDefault("id", ""), fields, element);
  }

  private static void flatten(CmsElement element, String prefix, Map<String, String> out) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (CmsElement child : element.children()) {
      int n = seen.merge(child.name(), 1, Integer::sum);
      String path = prefix + child.name() + (n > 1 ? "[" + n + "]" : "");
      if (child.children().isEmpty()) {
        out.put(path, child.text());
      } else {
        flatten(child, path + "/", out);
      }
    }
  }

  /**
   * {@return the typed value of {@code field}, or empty if the element is absent}
   *
   * @param <T> the field's value type
   * @param field the field to read
   */
  public <T> Optional<T> find(CmsField<T> field) {
    String text = fields.get(field.name());
    return text == null ? Optional.empty() : Optional.of(field.parse(text));
  }

  /**
   * {@return the text of the element at {@code path}, or empty if it is absent}
   *
   * @param path the element's path, such as {@code status/state}
   */
  public Optional<String> findText(String path) {
    return Optional.ofNullable(fields.get(requireNonNull(path, "path == null")));
  }

  /**
   * {@return the attribute of this object's element named {@code name}, for example {@code time}}
   *
   * @param name the attribute's name
   */
  public Optional<String> findAttribute(String name) {
    return element.findAttribute(name);
  }

  /**
   * {@return the type, id and field names, never the values} Values may be secrets (a coSpace's
   * {@code passcode}, an LDAP server's {@code password}, a {@code secret}), and a CMS object reaches
   * logs and exception messages through the typed records that wrap it; read a value with {@link
   * #find(CmsField)} or {@link #fields()}.
   */
  @Override
  public String toString() {
    return "CmsObject[type=" + type + ", id=" + id + ", fields=" + fields.keySet() + "]";
  }
}
