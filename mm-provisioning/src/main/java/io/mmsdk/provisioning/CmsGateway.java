package io.mmsdk.provisioning;

import java.util.List;
import java.util.Map;

/**
 * The CMS operations mm-provisioning needs, on one Call Bridge of a cluster. A host application
 * implements it over cms-api-client (or any other transport); the SDK's tests use the simulated
 * cluster.
 *
 * <p>Implementations are thread-safe and throw {@link io.mmsdk.common.MmSdkException} subclasses on
 * failure; {@link #delete} of an object that is already gone must not fail.
 */
public interface CmsGateway {

  /**
   * {@return every object of {@code kind}; {@code parentId} is the coSpaceTemplate id for access
   * method templates, else null}
   *
   * @param kind the type of object to list
   * @param parentId the parent coSpaceTemplate's id for {@link CmsKind#ACCESS_METHOD_TEMPLATE},
   *     else null
   */
  List<ServerObject> list(CmsKind kind, String parentId);

  /**
   * Creates an object from form fields and returns its new id (from {@code Location}).
   *
   * @param kind the type of object to create
   * @param parentId the parent's id for nested kinds, else null
   * @param form the fields to send, by CMS parameter name; not null
   * @return the new object's id
   */
  String create(CmsKind kind, String parentId, Map<String, String> form);

  /**
   * Modifies the given form fields of an object (PUT); an empty value clears a field.
   *
   * @param kind the type of the object
   * @param parentId the parent's id for nested kinds, else null
   * @param id the object's id
   * @param form the fields to change, by CMS parameter name; fields not named stay as they are
   */
  void update(CmsKind kind, String parentId, String id, Map<String, String> form);

  /**
   * Deletes an object; succeeds when it is already gone.
   *
   * @param kind the type of the object
   * @param parentId the parent's id for nested kinds, else null
   * @param id the object's id
   */
  void delete(CmsKind kind, String parentId, String id);

  /** {@return the users CMS holds (from LDAP syncs)} */
  List<CmsUser> users();

  /**
   * Starts an LDAP sync of all sources with {@code removeWhenFinished=false}; returns its id.
   *
   * @return the id of the new {@code ldapSyncs} entry, to poll with {@link #ldapSync(String)}
   */
  String startLdapSync();

  /**
   * {@return the state of the LDAP sync {@code id}}
   *
   * @param id the id {@link #startLdapSync()} returned
   */
  LdapSyncStatus ldapSync(String id);

  /**
   * Removes the finished LDAP sync record {@code id}; succeeds when it is already gone.
   *
   * @param id the id {@link #startLdapSync()} returned
   */
  void deleteLdapSync(String id);
}
