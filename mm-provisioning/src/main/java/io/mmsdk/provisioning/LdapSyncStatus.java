package io.mmsdk.provisioning;

/**
 * The state of one LDAP sync as CMS reports it ({@code /ldapSyncs/<id>}).
 *
 * @param id sync id
 * @param state {@code pending}, {@code inProgress}, {@code complete} or {@code failed}
 * @param failureReason e.g. {@code clashOccurred} or {@code ldapError} when failed, else null
 * @param numUsersImported users imported so far
 * @param numLdapSourcesComplete sources finished so far
 */
public record LdapSyncStatus(
    String id, String state, String failureReason, int numUsersImported, int numLdapSourcesComplete) {

  /** {@return whether the sync has finished, successfully or not} */
  public boolean isFinished() {
    return "complete".equals(state) || "failed".equals(state);
  }

  /** {@return whether the sync finished successfully} */
  public boolean isComplete() {
    return "complete".equals(state);
  }
}
