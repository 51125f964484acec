package io.mmsdk.provisioning;

import java.time.Instant;

/**
 * The outcome of one LDAP sync run (or a skipped scheduled run).
 *
 * @param callBridge the Call Bridge it ran on
 * @param syncId the CMS ldapSync id, or null if none was started
 * @param scheduled whether the schedule (rather than a caller) started it
 * @param outcome how it ended
 * @param failureReason CMS failure reason ({@code clashOccurred}, {@code ldapError}, ...) or null
 * @param numUsersImported users imported, as CMS last reported
 * @param numLdapSourcesComplete LDAP sources finished, as CMS last reported
 * @param startedAt when the run started
 * @param finishedAt when it ended
 * @param message a human-readable summary
 */
public record LdapSyncReport(
    String callBridge,
    String syncId,
    boolean scheduled,
    Outcome outcome,
    String failureReason,
    int numUsersImported,
    int numLdapSourcesComplete,
    Instant startedAt,
    Instant finishedAt,
    String message) {

  /** How a sync run ended. */
  public enum Outcome {
    /** CMS reported {@code complete}. */
    COMPLETE,
    /** CMS reported {@code failed}; see {@code failureReason}. */
    FAILED,
    /** The sync did not finish within the runner's timeout; it may still be running on CMS. */
    TIMED_OUT,
    /** The run could not be started or polled (for example the Call Bridge did not answer). */
    ERROR,
    /** A scheduled run was skipped because its Call Bridge is gone. */
    SKIPPED
  }
}
