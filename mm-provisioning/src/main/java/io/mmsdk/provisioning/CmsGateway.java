package io.mmsdk.provisioning;

import io.mmsdk.cms.api.LdapSync;
import io.mmsdk.cms.api.User;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.Form;
import java.util.List;

/**
 * The CMS operations mm-provisioning needs, on one Call Bridge of a cluster, in cms-api-client's
 * types: the generic objects and forms of the families {@link CmsKind} names (the field-level diff
 * works on them by design), and the typed {@link User} and {@link LdapSync} models. {@link
 * CmsClientGateway} implements it on a {@link io.mmsdk.cms.CmsClient}.
 *
 * <p>Implementations are thread-safe and throw {@link io.mmsdk.common.MmSdkException} subclasses on
 * failure; {@link #delete} of an object that is already gone must not fail.
 */
public interface CmsGateway {

  /**
   * Lists every object of {@code kind}, each read in full ({@code GET <collection>/<id>}: list
   * replies carry only some fields).
   *
   * @param kind the family
   * @param parentId the coSpaceTemplate id for access method templates, else null
   * @return the objects
   */
  List<CmsObject> list(CmsKind kind, String parentId);

  /**
   * Creates an object.
   *
   * @param kind the family
   * @param parentId the coSpaceTemplate id for access method templates, else null
   * @param form the fields to send
   * @return the new object's id (from {@code Location})
   */
  String create(CmsKind kind, String parentId, Form form);

  /**
   * Modifies the given fields of an object (PUT); an empty value clears a field.
   *
   * @param kind the family
   * @param parentId the coSpaceTemplate id for access method templates, else null
   * @param id the object's id
   * @param form the fields to change
   */
  void update(CmsKind kind, String parentId, String id, Form form);

  /**
   * Deletes an object; succeeds when it is already gone.
   *
   * @param kind the family
   * @param parentId the coSpaceTemplate id for access method templates, else null
   * @param id the object's id
   */
  void delete(CmsKind kind, String parentId, String id);

  /** {@return the users CMS holds (from LDAP syncs), each read in full} */
  List<User> users();

  /** {@return the id of a new LDAP sync of all sources, started with {@code removeWhenFinished=false}} */
  String startLdapSync();

  /**
   * Reads an LDAP sync.
   *
   * @param id the sync's id
   * @return its state
   */
  LdapSync ldapSync(String id);

  /**
   * Removes a finished LDAP sync record; succeeds when it is already gone.
   *
   * @param id the sync's id
   */
  void deleteLdapSync(String id);
}
