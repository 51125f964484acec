package io.mmsdk.jdbc;

import io.mmsdk.blastdial.BlastDialStore;
import io.mmsdk.admin.audit.AuditStore;
import io.mmsdk.licensing.UsageStore;
import io.mmsdk.meetings.SpaceTags;
import io.mmsdk.provisioning.OwnershipStore;
import java.time.Duration;
import java.util.Objects;

/**
 * The SDK's store interfaces on a {@link JdbcDatabase}. Each store creates and migrates its own
 * tables on open, never closes the database (close the stores first, then the database), and may
 * be opened by several processes on one database at once: uniqueness and transactions in the
 * database keep their writes apart.
 *
 * <pre>{@code
 * JdbcDatabase db = JdbcDatabase.sqlite(Path.of("data/mm-sdk.db"));   // or PostgreSQL by URL
 * UsageStore usage = JdbcStores.usage(db);
 * }</pre>
 */
public final class JdbcStores {
  private JdbcStores() {}

  /**
   * Opens the license usage samples in {@code database} (table {@code mm_usage_sample}). A row that
   * cannot be decoded is reported by {@link UsageStore#damagedRecords()} and skipped.
   *
   * @param database where the samples are kept
   * @return the store; close it before the database
   * @throws io.mmsdk.licensing.LicenseStoreException if the samples cannot be read
   * @throws JdbcStoreException if the tables cannot be created or migrated
   * @throws SchemaTooNewException if a newer mm-sdk migrated the tables past this version
   */
  public static UsageStore usage(JdbcDatabase database) {
    return JdbcUsageStore.open(Objects.requireNonNull(database, "database == null"));
  }

  /**
   * Opens the provisioning ownership of one {@code scope} in {@code database} (tables {@code
   * mm_owned_object}, {@code mm_pending_create}); use one scope per cluster, as with one {@link
   * OwnershipStore#file} per cluster. A row that cannot be decoded fails every read with a {@link
   * io.mmsdk.provisioning.ProvisioningException} naming it.
   *
   * @param database where ownership is kept
   * @param scope the cluster id (1 to 200 characters)
   * @return the store; close it before the database
   * @throws IllegalArgumentException if {@code scope} is blank or too long
   * @throws JdbcStoreException if the tables cannot be created or migrated
   * @throws SchemaTooNewException if a newer mm-sdk migrated the tables past this version
   */
  public static OwnershipStore ownership(JdbcDatabase database, String scope) {
    return JdbcOwnershipStore.open(Objects.requireNonNull(database, "database == null"), scope);
  }

  /**
   * Opens the audit trail in {@code database} (table {@code mm_audit_event}, keyed by sequence). A
   * row that cannot be decoded is reported by {@link AuditStore#damagedRecords()} and skipped.
   *
   * @param database where the trail is kept
   * @return the store; close it before the database
   * @throws JdbcStoreException if the tables cannot be created or migrated
   * @throws SchemaTooNewException if a newer mm-sdk migrated the tables past this version
   */
  public static AuditStore audit(JdbcDatabase database) {
    return JdbcAuditStore.open(Objects.requireNonNull(database, "database == null"));
  }

  /**
   * Returns the lease {@code name} in {@code database} for {@code holder} (table {@code mm_lease}):
   * the {@link io.mmsdk.licensing.CollectorElection} of licensing monitors sharing the database
   * (name e.g. {@code "licensing-collector"}; length about three poll intervals) or the {@link
   * io.mmsdk.provisioning.CommitLock} of one cluster's provisioning commits (name {@code
   * "provisioning:" + clusterId}; length longer than one step of a commit).
   *
   * @param database the shared database
   * @param name what the lease is for (1 to 200 characters)
   * @param holder who takes it, unique per process (1 to 200 characters)
   * @param length how long a taken lease lasts without renewal
   * @return the lease
   * @throws IllegalArgumentException if a name is blank or too long, or the length not positive
   * @throws JdbcStoreException if the table cannot be created or migrated
   */
  public static JdbcLease lease(JdbcDatabase database, String name, String holder, Duration length) {
    return JdbcLease.open(Objects.requireNonNull(database, "database == null"), name, holder, length);
  }

  /**
   * Returns the lease {@code name} for this process, named {@code <pid>@<host name>}; see {@link
   * #lease(JdbcDatabase, String, String, Duration)}.
   *
   * @param database the shared database
   * @param name what the lease is for (1 to 200 characters)
   * @param length how long a taken lease lasts without renewal
   * @return the lease
   * @throws IllegalArgumentException if the name is blank or too long, or the length not positive
   * @throws JdbcStoreException if the table cannot be created or migrated
   */
  public static JdbcLease lease(JdbcDatabase database, String name, Duration length) {
    return lease(database, name, JdbcLease.processHolder(), length);
  }

  /**
   * Opens blast dial's settings, space configurations and dials in progress of one {@code scope}
   * in {@code database} (tables {@code mm_blastdial_*}). Use one scope per SDK instance: a Primary
   * and a Secondary sharing a database keep their own roles and dials, and the Secondary's check
   * for another instance's dial-out still reads the Call Bridge (seed 001, blast dial monitoring).
   *
   * @param database where blast dial is kept
   * @param scope the instance name (1 to 200 characters)
   * @return the store; close it before the database
   * @throws IllegalArgumentException if {@code scope} is blank or too long
   * @throws JdbcStoreException if the tables cannot be created or migrated
   * @throws SchemaTooNewException if a newer mm-sdk migrated the tables past this version
   */
  public static BlastDialStore blastDial(JdbcDatabase database, String scope) {
    return JdbcBlastDialStore.open(Objects.requireNonNull(database, "database == null"), scope);
  }

  /**
   * Opens the meeting history in {@code database} (tables {@code mm_meeting*}) without space tags:
   * tag queries fail with {@link io.mmsdk.meetings.InvalidMeetingQueryException}. Feed it from a
   * tracker with {@link MeetingHistoryRecorder}.
   *
   * @param database where the history is kept
   * @return the history; close it before the database
   * @throws JdbcStoreException if the tables cannot be created or migrated
   * @throws SchemaTooNewException if a newer mm-sdk migrated the tables past this version
   */
  public static JdbcMeetingHistory meetingHistory(JdbcDatabase database) {
    return JdbcMeetingHistory.open(Objects.requireNonNull(database, "database == null"), null);
  }

  /**
   * Opens the meeting history in {@code database} (tables {@code mm_meeting*}); each meeting
   * written keeps the tags {@code spaceTags} gives its space at that moment, for tag queries.
   * Feed it from a tracker with {@link MeetingHistoryRecorder}.
   *
   * @param database where the history is kept
   * @param spaceTags the tags of each space, asked when a meeting is written
   * @return the history; close it before the database
   * @throws JdbcStoreException if the tables cannot be created or migrated
   * @throws SchemaTooNewException if a newer mm-sdk migrated the tables past this version
   */
  public static JdbcMeetingHistory meetingHistory(JdbcDatabase database, SpaceTags spaceTags) {
    return JdbcMeetingHistory.open(Objects.requireNonNull(database, "database == null"),
        Objects.requireNonNull(spaceTags, "spaceTags == null"));
  }
}
