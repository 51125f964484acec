package io.mmsdk.provisioning;

import java.time.Instant;

/**
 * Keeps two provisioning commits to one cluster from interleaving when several processes (or
 * several {@link Provisioner}s) provision it: {@link Provisioner#commit(Plan)} holds the lock from
 * its re-read of the server to its last step. Within one Provisioner commits are already serialized;
 * {@link #none()} (the default) adds nothing to that. mm-jdbc's {@code JdbcStores.lease} locks in a
 * shared database. Implementations are thread-safe.
 */
public interface CommitLock {

  /**
   * Takes the lock for one commit.
   *
   * @param now the Provisioner's scheduler time
   * @return the held lock; close it when the commit ends
   * @throws CommitInProgressException if another commit holds the lock
   */
  Held acquire(Instant now);

  /** A held commit lock. */
  interface Held extends AutoCloseable {
    /**
     * Extends the hold before the next step of a long commit.
     *
     * @param now the Provisioner's scheduler time
     * @throws CommitInProgressException if the hold lapsed and another commit took the lock
     */
    void renew(Instant now);

    /** Releases the lock; idempotent. */
    @Override
    void close();
  }

  /** {@return no lock beyond the Provisioner's own serialization (one process)} */
  static CommitLock none() {
    return now -> new Held() {
      @Override
      public void renew(Instant at) {}

      @Override
      public void close() {}
    };
  }
}
