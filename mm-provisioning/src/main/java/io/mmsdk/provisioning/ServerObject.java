package io.mmsdk.provisioning;

import java.util.Map;

/**
 * One object as read from CMS.
 *
 * @param kind the object type
 * @param id the CMS id
 * @param parentId the parent coSpaceTemplate id for access method templates, else null
 * @param fields the object's child elements as text (write-only fields such as passwords are absent)
 */
public record ServerObject(CmsKind kind, String id, String parentId, Map<String, String> fields) {

  /**
   * Copies {@code fields}.
   *
   * @param kind the object type
   * @param id the CMS id
   * @param parentId the parent coSpaceTemplate id for access method templates, else null
   * @param fields the object's child elements as text (write-only fields such as passwords are absent)
   */
  public ServerObject {
    fields = Map.copyOf(fields);
  }
}
