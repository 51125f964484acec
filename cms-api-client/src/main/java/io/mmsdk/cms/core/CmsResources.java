package io.mmsdk.cms.core;

import java.util.Optional;

/**
 * Operations on one family of CMS objects (one {@link ResourceType}, with its parent id for nested
 * families). Obtained from {@link io.mmsdk.cms.CmsClient}; thread-safe.
 *
 * <p>Every method does one or more HTTP requests and throws
 * {@link io.mmsdk.cms.CmsServiceException} (or a subclass) when the server refuses, and
 * {@link io.mmsdk.cms.CmsClientException} (or a subclass) when the request could not be completed.
 * Writing a read-only family throws {@link IllegalStateException}.
 */
public interface CmsResources {
  /** {@return the family these operations address} */
  ResourceType type();

  /** {@return the collection path under {@code /api/v1}, with the parent id filled in} */
  String path();

  /**
   * Fetches one page: {@code GET path?offset=..&limit=..&filters}. The page may hold fewer than
   * {@code limit} items even when more exist.
   *
   * @param offset the first item's position, 0 or more
   * @param limit the most items wanted
   * @param options the filters
   * @return the page
   */
  Page page(long offset, int limit, ListOptions options);

  /**
   * {@return a lazy list of all matching objects; see {@link ResourceList}}
   *
   * @param options the filters
   */
  ResourceList<CmsObject> list(ListOptions options);

  /** {@return a lazy list of all objects} */
  default ResourceList<CmsObject> list() {
    return list(ListOptions.none());
  }

  /**
   * {@return how many objects match, using one request with {@code limit=1}}
   *
   * @param options the filters
   */
  long count(ListOptions options);

  /**
   * Fetches one object: {@code GET path/id}; throws {@link io.mmsdk.cms.CmsNotFoundException} if absent.
   *
   * @param id the object's id
   * @return the object
   */
  CmsObject get(String id);

  /**
   * Fetches one object, or returns empty if the server answers 404 or a "does not exist" reason.
   *
   * @param id the object's id
   * @return the object, or empty if it does not exist
   */
  Optional<CmsObject> find(String id);

  /**
   * Creates an object: {@code POST path} with the form. Returns the new object's id, the last
   * segment of the reply's {@code Location} header. Never retried automatically.
   *
   * @param form the new object's fields
   * @return the new object's id
   */
  String create(Form form);

  /**
   * Modifies an object: {@code PUT path/id}. Fields absent from the form stay unchanged; unset
   * fields are cleared.
   *
   * @param id the object's id
   * @param form the fields to change
   */
  void update(String id, Form form);

  /**
   * Deletes an object: {@code DELETE path/id}.
   *
   * @param id the object's id
   */
  void delete(String id);
}
