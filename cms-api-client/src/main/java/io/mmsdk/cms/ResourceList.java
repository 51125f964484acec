package io.mmsdk.cms;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy list of a collection's objects. Iterating fetches one page at a time, only when the
 * previous one is used up, and advances the offset by the number of items the server actually
 * returned (never by the requested limit). Iteration stops at {@code total} or at the first empty
 * page. Each {@link #iterator()} starts from the beginning; an instance may be iterated from one
 * thread at a time per iterator.
 *
 * <p>The CMS offers no snapshot: objects added or deleted while iterating may be skipped or seen
 * twice.
 */
public final class ResourceList implements Iterable<CmsObject> {
  private final LongFunction<Page> pageFetcher;

  /**
   * Creates a list over {@code pageFetcher}, which returns the page starting at a given offset.
   */
  public ResourceList(LongFunction<Page> pageFetcher) {
    this.pageFetcher = requireNonNull(pageFetcher, "pageFetcher == null");
  }

  @Override
  public Iterator<CmsObject> iterator() {
    return new Iterator<>() {
      private Page page;
      private int index;

      @Override
      public boolean hasNext() {
        if (page == null) {
          page = pageFetcher.apply(0);
          index = 0;
        }
        while (index >= page.items().size()) {
          if (!page.hasMore()) {
            return false;
          }
          page = pageFetcher.apply(page.nextOffset());
          index = 0;
        }
        return true;
      }

      @Override
      public CmsObject next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more objects in this list");
        }
        return page.items().get(index++);
      }
    };
  }

  /** {@return a sequential stream that fetches pages as it is consumed} */
  public Stream<CmsObject> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }
}
