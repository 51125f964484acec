package io.mmsdk.cms;

import java.util.List;

/**
 * One page of a collection as the server returned it. {@code items.size()} may be smaller than the
 * requested limit because the server applies its own cap.
 *
 * @param items the objects on this page
 * @param offset the offset this page starts at
 * @param total the {@code total} attribute: how many objects match in all
 */
public record Page(List<CmsObject> items, long offset, long total) {
  /**
   * Copies the items.
   *
   * @param items the objects on this page
   * @param offset the offset this page starts at
   * @param total the {@code total} attribute: how many objects match in all
   */
  public Page {
    items = List.copyOf(items);
  }

  /** {@return whether objects after this page exist} */
  public boolean hasMore() {
    return !items.isEmpty() && offset + items.size() < total;
  }

  /** {@return the offset of the next page} */
  public long nextOffset() {
    return offset + items.size();
  }
}
