package io.mmsdk.provisioning;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Remembers which CMS objects belong to mm-sdk (one store per cluster). Objects not in the store
 * are
 * foreign and are never modified or deleted. Because commits are not transactional, a create is
 * first marked pending; if the response is lost, the next plan claims the object that matches it
 * exactly instead of creating a duplicate.
 *
 * <p>Implementations are thread-safe; every method returns only after the change is durable.
 */
public interface OwnershipStore extends AutoCloseable {

  /** {@return the owned objects by key} */
  Map<String, OwnedObject> owned();

  /**
   * {@return the keys whose create was started but not confirmed, each with the ids of that type
   * that
   * already existed before the create (so an in-doubt object is never confused with a foreign one)}
   */
  Map<String, Set<String>> pendingCreates();

  /**
   * Marks {@code key} as about to be created while {@code existingIds} already exist.
   *
   * @param key the object's key (see {@link CmsObjectSpec#key()})
   * @param existingIds the ids of that kind's objects on the server before the create is sent
   */
  void markPending(String key, Set<String> existingIds);

  /**
   * Records an owned object (created, adopted or updated) and clears its pending mark.
   *
   * @param object the object's key, type, id and fields as last written; not null
   */
  void put(OwnedObject object);

  /**
   * Forgets {@code key} (after its object was deleted or vanished) and clears its pending mark.
   *
   * @param key the object's key
   */
  void forget(String key);

  /**
   * Releases the store's lock and files, so that another instance may open it; idempotent. The
   * default does nothing, for stores that hold neither.
   */
  @Override
  default void close() {}

  /**
   * {@return a store kept in a JSON file at {@code path}, written atomically, owner-only on POSIX
   * file systems} The store locks {@code <path>.lock} until {@link #close()}: a second opener, in
   * this or another process, gets a {@link io.mmsdk.common.store.StoreLockedException} naming the
   * holder.
   *
   * @param path the JSON file; its directory is created if missing
   */
  static OwnershipStore file(Path path) {
    return new FileOwnershipStore(path);
  }

  /** {@return a store that lives in memory only (for tests and previews)} */
  static OwnershipStore inMemory() {
    return new FileOwnershipStore(null);
  }
}
