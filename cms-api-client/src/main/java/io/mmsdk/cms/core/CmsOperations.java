package io.mmsdk.cms.core;

import java.util.Optional;

/**
 * The generic operations of the CMS REST API, by family and by path: what the typed API
 * ({@code io.mmsdk.cms.api}) is built on and what stays reachable for anything the API model does
 * not know. {@link io.mmsdk.cms.CmsClient} is the implementation to use; this interface sits below
 * it so that the typed API, which the client returns, does not depend back on the client.
 * Implementations are thread-safe.
 */
public interface CmsOperations {
  /**
   * {@return operations on a top-level family}
   *
   * @param type the family, such as {@link ResourceType#CO_SPACES}
   */
  CmsResources resources(ResourceType type);

  /**
   * {@return operations on a nested family below the object {@code parentId}}
   *
   * @param type the nested family, such as {@link ResourceType#ACCESS_METHODS}
   * @param parentId the id of the parent object
   */
  CmsResources resources(ResourceType type, String parentId);

  /**
   * Reads any single-object node by its path under {@code /api/v1}, for example
   * {@code "coSpaces/<id>/meetingEntryDetail"} or {@code "system/configuration/cluster"}.
   *
   * @param path the node's path under {@code /api/v1}, relative
   * @return the node's object
   * @throws IllegalArgumentException if {@code path} is absolute, has a query, or contains
   *     {@code ..}
   */
  CmsObject read(String path);

  /**
   * Reads a single-object node with query parameters, for example {@code conversationIdQuery}
   * with {@code conversationId}. The form's parameters are sent as the query.
   *
   * @param path the node's path under {@code /api/v1}, relative
   * @param query the query parameters
   * @return the node's object
   */
  CmsObject read(String path, Form query);

  /**
   * Sends {@code POST path} with the form, for nodes that are not a collection (actions such as
   * {@code callLegs/<id>/generateKeyFrame}). Returns the last segment of the reply's
   * {@code Location} header, or empty if it has none. Never retried automatically.
   *
   * @param path the node's path under {@code /api/v1}, relative
   * @param form the parameters to send
   * @return the id in the reply's {@code Location}, or empty
   */
  Optional<String> post(String path, Form form);

  /**
   * Sends {@code POST path} with the form to a node that answers 200 with an XML body instead of
   * a {@code Location}, such as {@code accessQuery} and {@code uriUsageQuery}, and returns the
   * body.
   *
   * @param path the node's path under {@code /api/v1}, relative
   * @param form the parameters to send
   * @return the reply's object
   */
  CmsObject postForReply(String path, Form form);

  /**
   * Sends {@code PUT path} with the form, for single-object nodes such as {@code system/profiles}.
   *
   * @param path the node's path under {@code /api/v1}, relative
   * @param form the fields to change
   */
  void put(String path, Form form);

  /**
   * Sends {@code DELETE path}, for nodes that are not an object of a collection.
   *
   * @param path the node's path under {@code /api/v1}, relative
   */
  void delete(String path);
}
