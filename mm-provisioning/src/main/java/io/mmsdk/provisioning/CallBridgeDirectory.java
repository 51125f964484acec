package io.mmsdk.provisioning;

import java.util.Optional;

/**
 * Finds the gateway to a Call Bridge by name, for LDAP syncs that must run on a chosen bridge. A
 * host
 * application backs it with its cluster registry; a bridge that was removed is simply not found.
 */
@FunctionalInterface
public interface CallBridgeDirectory {

  /**
   * {@return the gateway to the Call Bridge named {@code name}, or empty if it is not (or no
   * longer) known}
   *
   * @param name the Call Bridge's name, as in the cluster registry
   */
  Optional<CmsGateway> find(String name);
}
