package io.mmsdk.core.audit;

import java.util.Locale;

/**
 * The one seam through which the cluster registry and feature modules (provisioning, licensing,
 * blast dial, ...) report their administrative changes to the audit trail: who ({@code actor}), what
 * ({@code action} and {@code target}), the outcome, and when (the trail's clock). mm-admin's {@code
 * io.mmsdk.admin.audit.AuditTrail} implements it, so these modules never depend on mm-admin;
 * {@link #none()} records nothing. Implementations must be thread-safe and must not throw.
 */
@FunctionalInterface
public interface AuditHook {

  /**
   * Reports one administrative change. Never pass secrets in {@code detail}.
   *
   * @param actor who did it (a username, or {@code "system"})
   * @param action dotted verb, e.g. {@code "provisioning.commit"}
   * @param target what it was done to, e.g. a cluster id
   * @param outcome whether it succeeded
   * @param detail free text for people
   */
  void changed(String actor, String action, String target, Outcome outcome, String detail);

  /** {@return a hook that records nothing} */
  static AuditHook none() {
    return (actor, action, target, outcome, detail) -> { };
  }

  /** How an administrative change ended. */
  enum Outcome {
    /** The change was made. */
    SUCCEEDED,
    /** The change was attempted and failed (possibly in part). */
    FAILED,
    /** The change was refused before anything was done (e.g. a stale plan). */
    REFUSED;

    /** {@return the lower-case word written into the audit detail} */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
