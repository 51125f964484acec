package io.mmsdk.cms.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable XML element as read from a CMS reply: name, attributes, trimmed text and child
 * elements in document order. It is the raw view behind every {@link CmsObject}.
 *
 * @param name the element name
 * @param attributes the attributes by name
 * @param text the element's own text, trimmed ("" if none)
 * @param children the child elements in document order
 */
public record CmsElement(
    String name, Map<String, String> attributes, String text, List<CmsElement> children) {
  /**
   * Copies the collections.
   *
   * @param name the element name
   * @param attributes the attributes by name
   * @param text the element's own text, trimmed ("" if none)
   * @param children the child elements in document order
   */
  public CmsElement {
    requireNonNull(name, "name == null");
    attributes = Map.copyOf(attributes);
    text = requireNonNull(text, "text == null");
    children = List.copyOf(children);
  }

  /**
   * {@return the first child named {@code childName}}
   *
   * @param childName the child's element name
   */
  public Optional<CmsElement> findChild(String childName) {
    for (CmsElement child : children) {
      if (child.name.equals(childName)) {
        return Optional.of(child);
      }
    }
    return Optional.empty();
  }

  /**
   * {@return the attribute named {@code attributeName}}
   *
   * @param attributeName the attribute's name
   */
  public Optional<String> findAttribute(String attributeName) {
    return Optional.ofNullable(attributes.get(attributeName));
  }

  /**
   * {@return the element's name, attribute names and child count, never text or attribute values}
   * A CMS element may carry a secret (a {@code passcode}, {@code password} or {@code secret}).
   */
  @Override
  public String toString() {
    return "CmsElement[name=" + name + ", attributes=" + attributes.keySet() + ", children="
        + children.size() + "]";
  }
}
