package io.mmsdk.licensing;

import java.time.Instant;

/**
 * Decides which of several {@link LicenseMonitor}s sharing one {@link UsageStore} collects usage and
 * reports it to Smart Licensing: seed 001 allows only one instance to do licensing, or usage is
 * counted twice. The others stand by: they skip collection but still compute status from the shared
 * store, and one of them takes over when the collector stops renewing its lead. {@link #alone()}
 * (the default) is for a single instance. Implementations are thread-safe; mm-jdbc's {@code
 * JdbcStores.lease} elects through a lease row in the shared database.
 */
public interface CollectorElection {

  /**
   * Takes or renews the lead for the round at {@code now}.
   *
   * @param now the monitor's scheduler time
   * @return true if this monitor collects this round; false if another one holds the lead
   * @throws io.mmsdk.common.MmSdkException if the election cannot be reached (the round is skipped)
   */
  boolean tryLead(Instant now);

  /**
   * Gives up the lead, if held, so that a standby takes over at its next round instead of when the
   * lead lapses; called when the monitor closes. The default does nothing.
   */
  default void resign() {}

  /** {@return the election of a single instance: it always leads} */
  static CollectorElection alone() {
    return now -> true;
  }
}
