package io.mmsdk.cms.core;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy list of a collection's objects, as {@link CmsObject}s or as typed models ({@link #map}).
 * Iterating fetches one page at a time, only when the previous one is used up, and advances the
 * offset by the number of items the server actually returned (never by the requested limit).
 * Iteration stops at {@code total} or at the first empty page. Each {@link #iterator()} starts from
 * the beginning; an instance may be iterated from one thread at a time per iterator.
 *
 * <p>The CMS offers no snapshot: objects added or deleted while iterating may be skipped or seen
 * twice. List replies are summaries: most families return only some fields per item, and the
 * whole object needs a {@code get} by id (each typed model says which fields its list carries).
 *
 * @param <T> the item type
 */
public final class ResourceList<T> implements Iterable<T> {
  private final LongFunction<Page> pageFetcher;
  private final LongFunction<Page> summaryFetcher;
  private final Function<CmsObject, ? extends T> mapper;

  private ResourceList(
      LongFunction<Page> pageFetcher, LongFunction<Page> summaryFetcher, Function<CmsObject, ? extends T> mapper) {
    this.pageFetcher = pageFetcher;
    this.summaryFetcher = summaryFetcher;
    this.mapper = mapper;
  }

  /**
   * {@return a list over {@code pageFetcher}, which returns the page starting at a given offset,
   * and
   * {@code summaryFetcher}, which returns a page of at most {@code limit} items (asked with a small
   * limit for {@link #count()} and {@link #summary()})}
   *
   * @param pageFetcher returns the page starting at the given offset
   * @param summaryFetcher returns a page of at most the given number of items
   */
  public static ResourceList<CmsObject> of(LongFunction<Page> pageFetcher, LongFunction<Page> summaryFetcher) {
    requireNonNull(pageFetcher, "pageFetcher == null");
    requireNonNull(summaryFetcher, "summaryFetcher == null");
    return new ResourceList<>(pageFetcher, summaryFetcher, Function.identity());
  }

  /**
   * {@return a lazy view of this list whose items are converted by {@code function} when read}
   *
   * @param <R> the converted item type
   * @param function converts one item; called on each read, not cached
   */
  public <R> ResourceList<R> map(Function<? super T, ? extends R> function) {
    requireNonNull(function, "function == null");
    return new ResourceList<R>(pageFetcher, summaryFetcher, mapper.andThen(function));
  }

  @Override
  public Iterator<T> iterator() {
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
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more objects in this list");
        }
        return mapper.apply(page.items().get(index++));
      }
    };
  }

  /** {@return a sequential stream that fetches pages as it is consumed} */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** {@return the first item, or empty if the list is empty; fetches one small page} */
  public Optional<T> findFirst() {
    Page page = summaryFetcher.apply(1);
    return page.items().isEmpty() ? Optional.empty() : Optional.of(mapper.apply(page.items().get(0)));
  }

  /**
   * {@return the first item}
   *
   * @throws NoSuchElementException if the list is empty
   */
  public T first() {
    return findFirst().orElseThrow(() -> new NoSuchElementException(
        "the list is empty; use findFirst() when an empty list is expected"));
  }

  /**
   * {@return how many objects match, from the {@code total} of one request with {@code limit=1}}
   */
  public long count() {
    return summaryFetcher.apply(1).total();
  }

  /**
   * {@return the list root's attributes ({@code total}, and for example {@code maximum} on
   * {@code cdrReceivers}) from one request with {@code limit=1}}
   */
  public Page summary() {
    return summaryFetcher.apply(1);
  }
}
