package io.mmsdk.cms;

import java.util.Optional;

/**
 * Operations on one family of CMS objects (one {@link ResourceType}, with its parent id for nested
 * families). Obtained from {@link CmsClient}; thread-safe.
 *
 * <p>Every method does one or more HTTP requests and throws {@link CmsServiceException} (or a
 * subclass) when the server refuses, and {@link CmsClientException} (or a subclass) when the request
 * could not be completed. Writing a read-only family throws {@link IllegalStateException}.
 */
public interface CmsResources {
  /** Returns the family these operations address. */
  ResourceType type();

  /** Returns the collection path under {@code /api/v1}, with the parent id filled in. */
  String path();

  /**
   * Fetches one page: {@code GET path?offset=..&limit=..&filters}. The page may hold fewer than
   * {@code limit} items even when more exist.
   */
  Page page(long offset, int limit, ListOptions options);

  /** Returns a lazy list of all matching objects; see {@link ResourceList}. */
  ResourceList<CmsObject> list(ListOptions options);

  /** Returns a lazy list of all objects. */
  default ResourceList<CmsObject> list() {
    return list(ListOptions.none());
  }

  /** Returns how many objects match, using one request with {@code limit=1}. */
  long count(ListOptions options);

  /** Fetches one object: {@code GET path/id}; throws {@link CmsNotFoundException} if absent. */
  CmsObject get(String id);

  /** Fetches one object, or returns empty if the server answers 404 or a "does not exist" reason. */
  Optional<CmsObject> find(String id);

  /**
   * Creates an object: {@code POST path} with the form. Returns the new object's id, the last
   * segment of the reply's {@code Location} header. Never retried automatically.
   */
  String create(Form form);

  /**
   * Modifies an object: {@code PUT path/id}. Fields absent from the form stay unchanged; unset
   * fields are cleared.
   */
  void update(String id, Form form);

  /** Deletes an object: {@code DELETE path/id}. */
  void delete(String id);
}
