package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An XML element kept as data because the parser does not know it: its name, attributes, trimmed
 * text and children. Used for unknown record types and unknown child elements, so nothing a newer
 * Call Bridge sends is lost.
 *
 * @param name the local name
 * @param attributes attribute values by local name, in document order
 * @param text the trimmed text content directly inside this element (empty if none)
 * @param children child elements in document order
 */
public record RawElement(
    String name, Map<String, String> attributes, String text, List<RawElement> children) {

  /**
   * Checks and copies the components.
   *
   * @param name the local name
   * @param attributes attribute values by local name, in document order
   * @param text the trimmed text content directly inside this element (empty if none)
   * @param children child elements in document order
   */
  public RawElement {
    requireNonNull(name, "name == null");
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    requireNonNull(text, "text == null");
    children = List.copyOf(children);
  }

  /**
   * {@return the first child called {@code childName}, if any}
   *
   * @param childName the child's element name, case-sensitive
   */
  public Optional<RawElement> findChild(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).findFirst();
  }
}
