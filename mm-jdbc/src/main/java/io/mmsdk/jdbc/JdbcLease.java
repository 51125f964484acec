package io.mmsdk.jdbc;

import io.mmsdk.licensing.CollectorElection;
import io.mmsdk.licensing.LicenseStoreException;
import io.mmsdk.provisioning.CommitInProgressException;
import io.mmsdk.provisioning.CommitLock;
import io.mmsdk.provisioning.ProvisioningException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A named lease in a shared database (table {@code mm_lease}): at most one holder at a time, until
 * the expiry it last wrote. A holder renews by taking it again before it expires; anyone takes it
 * once it has expired, so a crashed holder's lease lapses by itself after the lease length. Times
 * come from each holder's scheduler, so the holders' clocks must agree to well within the lease
 * length (run NTP). The database row decides: two processes asking at once get one yes.
 *
 * <p>It is the {@link CollectorElection} of licensing monitors sharing a database and the {@link
 * CommitLock} of provisioning commits to one cluster. Thread-safe; it keeps no state of its own.
 */
public final class JdbcLease implements CollectorElection, CommitLock {
  static final String STORE = "lease";
  static final int VERSION = 1;

  private final JdbcDatabase db;
  private final String name;
  private final String holder;
  private final Duration length;

  private JdbcLease(JdbcDatabase db, String name, String holder, Duration length) {
    this.db = db;
    this.name = name;
    this.holder = holder;
    this.length = length;
  }

  static JdbcLease open(JdbcDatabase db, String name, String holder, Duration length) {
    Objects.requireNonNull(db, "database == null");
    check("name", name);
    check("holder", holder);
    Objects.requireNonNull(length, "length == null");
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("the lease length must be positive: " + length);
    }
    db.migrate(STORE, VERSION);
    return new JdbcLease(db, name, holder, length);
  }

  private static void check(String what, String value) {
    Objects.requireNonNull(value, what + " == null");
    if (value.isBlank() || value.length() > 200) {
      throw new IllegalArgumentException("the lease " + what + " must be 1 to 200 characters; got '" + value + "'");
    }
  }

  /** {@return the default holder name of this process: {@code <pid>@<host name>}} */
  static String processHolder() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "unknown-host";
    }
    return ProcessHandle.current().pid() + "@" + host;
  }

  /**
   * Takes or renews the lease until {@code now} plus the lease length.
   *
   * @param now the caller's scheduler time
   * @return true if this holder has the lease now; false if another holder's lease has not expired
   * @throws JdbcStoreException if the database cannot be reached
   */
  public boolean tryAcquire(Instant now) {
    Objects.requireNonNull(now, "now == null");
    long until = now.plus(length).toEpochMilli();
    try {
      return db.inTransaction(c -> {
        try (PreparedStatement p = c.prepareStatement("UPDATE mm_lease SET holder = ?,"
            + " expires_epoch_milli = ? WHERE name = ? AND (holder = ? OR expires_epoch_milli <= ?)")) {
          p.setString(1, holder);
          p.setLong(2, until);
          p.setString(3, name);
          p.setString(4, holder);
          p.setLong(5, now.toEpochMilli());
          if (p.executeUpdate() == 1) {
            return true;
          }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO mm_lease (name, holder,"
            + " expires_epoch_milli) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
          p.setString(1, name);
          p.setString(2, holder);
          p.setLong(3, until);
          return p.executeUpdate() == 1;
        }
      });
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot take the lease '" + name + "' in " + db + " ("
          + e.getMessage() + "): check that the database is reachable", e);
    }
  }

  /**
   * {@return who holds the lease at {@code now}, if anyone} Its holder name as given to {@link
   * JdbcStores#lease}.
   *
   * @param now the caller's scheduler time
   * @throws JdbcStoreException if the database cannot be reached
   */
  public Optional<String> findHolder(Instant now) {
    Objects.requireNonNull(now, "now == null");
    try {
      return db.withConnection(c -> {
        try (PreparedStatement p = c.prepareStatement(
            "SELECT holder FROM mm_lease WHERE name = ? AND expires_epoch_milli > ?")) {
          p.setString(1, name);
          p.setLong(2, now.toEpochMilli());
          try (ResultSet rs = p.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
          }
        }
      });
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read the lease '" + name + "' in " + db + " ("
          + e.getMessage() + "): check that the database is reachable", e);
    }
  }

  /**
   * Gives the lease up if this holder has it, so that the next taker need not wait for it to
   * expire; idempotent.
   *
   * @throws JdbcStoreException if the database cannot be reached (the lease then lapses by itself)
   */
  public void release() {
    try {
      db.inTransaction(c -> {
        try (PreparedStatement p = c.prepareStatement(
            "UPDATE mm_lease SET expires_epoch_milli = ? WHERE name = ? AND holder = ?")) {
          p.setLong(1, Long.MIN_VALUE);
          p.setString(2, name);
          p.setString(3, holder);
          return p.executeUpdate();
        }
      });
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot release the lease '" + name + "' in " + db + " ("
          + e.getMessage() + "); it lapses by itself after " + length, e);
    }
  }

  /** {@inheritDoc} Takes or renews the lease. */
  @Override
  public boolean tryLead(Instant now) {
    try {
      return tryAcquire(now);
    } catch (JdbcStoreException e) {
      throw new LicenseStoreException("Cannot elect the licensing collector: " + e.getMessage(), e);
    }
  }

  /** {@inheritDoc} Releases the lease. */
  @Override
  public void resign() {
    release();
  }

  /**
   * {@inheritDoc} Takes the lease, or fails naming the holder whose lease has not expired.
   *
   * @throws CommitInProgressException if another holder has the lease
   * @throws ProvisioningException if the database cannot be reached
   */
  @Override
  public Held acquire(Instant now) {
    take(now);
    return new Held() {
      private boolean released;

      @Override
      public void renew(Instant at) {
        take(at);
      }

      @Override
      public synchronized void close() {
        if (!released) {
          released = true;
          release();
        }
      }
    };
  }

  private void take(Instant now) {
    boolean taken;
    try {
      taken = tryAcquire(now);
    } catch (JdbcStoreException e) {
      throw new ProvisioningException("Cannot take the commit lock: " + e.getMessage()
          + "; nothing more was applied", e);
    }
    if (!taken) {
      String other = findHolder(now).orElse("another holder");
      throw new CommitInProgressException("Another provisioning commit (" + other + ") holds the"
          + " lock '" + name + "' in " + db + ". Nothing was applied: wait for it to finish, then"
          + " plan again. A crashed holder's lock lapses after " + length + ".", other);
    }
  }

  @Override
  public String toString() {
    return "JdbcLease[" + name + " for " + holder + "]";
  }
}
