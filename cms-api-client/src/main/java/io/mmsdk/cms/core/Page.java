package io.mmsdk.cms.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a collection as the server returned it. {@code items.size()} may be smaller than the
 * requested limit because the server applies its own cap. Only children of the list root that are
 * the family's element are items; anything else the root holds is not.
 *
 * @param items the objects on this page
 * @param offset the offset this page starts at
 * @param total the {@code total} attribute: how many objects match in all
 * @param attributes every attribute of the list root, for example {@code total} and, on
 *     {@code cdrReceivers}, {@code maximum}
 */
public record Page(List<CmsObject> items, long offset, long total, Map<String, String> attributes) {
  /**
   * Copies the items and attributes.
   *
   * @param items the objects of the page, in reply order
   * @param offset the first item's position
   * @param total the {@code total} attribute of the list
   * @param attributes the list root's other attributes
   */
  public Page {
    items = List.copyOf(items);
    attributes = Map.copyOf(requireNonNull(attributes, "attributes == null"));
  }

  /**
   * Creates a page whose list root carried no attributes other than {@code total}.
   *
   * @param items the objects of the page, in reply order
   * @param offset the first item's position
   * @param total the {@code total} attribute of the list
   */
  public Page(List<CmsObject> items, long offset, long total) {
    this(items, offset, total, Map.of("total", Long.toString(total)));
  }

  /** {@return whether objects after this page exist} */
  public boolean hasMore() {
    return !items.isEmpty() && offset + items.size() < total;
  }

  /** {@return the offset of the next page} */
  public long nextOffset() {
    return offset + items.size();
  }

  /**
   * {@return the list root's attribute {@code name}, for example {@code maximum}}
   *
   * @param name the attribute's name
   */
  public Optional<String> findAttribute(String name) {
    return Optional.ofNullable(attributes.get(requireNonNull(name, "name == null")));
  }
}
