package io.mmsdk.jdbc;

import io.mmsdk.admin.audit.AuditStore;
import io.mmsdk.admin.user.UserStore;
import io.mmsdk.blastdial.BlastDialStore;
import io.mmsdk.core.cluster.ClusterStore;
import io.mmsdk.licensing.LicenseStateStore;
import io.mmsdk.licensing.UsageStore;
import io.mmsdk.licensing.smart.SmartLicensingStore;
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
 * <p>The stores whose interfaces load and save a whole state ({@link #licenseState}, {@link
 * #smartLicensing}, {@link #users}, {@link #clusters}) keep one row per entity and a version per
 * scope: a load sees one whole save, and a save made after another instance saved the same scope
 * (since this instance last read or saved it) fails with a {@link
 * io.mmsdk.common.store.StoreConflictException} instead of overwriting what it never saw.
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

  /**
   * Opens the license state of one {@code scope} in {@code database} (tables {@code
   * mm_license_*}): mode, allocations, trials (one of each type, seed 19.1), clusters of earlier
   * trials and enforcement times. Give the licensing monitors that share usage samples one scope
   * (the deployment's name); only the elected collector should change it.
   *
   * @param database where the state is kept
   * @param scope the deployment or instance name (1 to 200 characters)
   * @return the store; close it before the database. Its {@code save} throws {@link
   *     io.mmsdk.common.store.StoreConflictException} if another instance saved the scope since
   *     this one last read or saved it, and {@link io.mmsdk.licensing.LicenseStoreException} if
   *     the database fails; {@code load} throws the latter if a row does not decode
   * @throws IllegalArgumentException if {@code scope} is blank or too long
   * @throws JdbcStoreException if the tables cannot be created or migrated
   * @throws SchemaTooNewException if a newer mm-sdk migrated the tables past this version
   * @throws io.mmsdk.licensing.LicenseStoreException if the scope's row cannot be created
   */
  public static LicenseStateStore licenseState(JdbcDatabase database, String scope) {
    return new JdbcLicenseStateStore(Objects.requireNonNull(database, "database == null"), scope);
  }

  /**
   * Opens the Smart Licensing status of one {@code scope} in {@code database} (tables {@code
   * mm_smart_licensing}, {@code mm_smart_reservation}).
   *
   * @param database where the status is kept
   * @param scope the deployment or instance name (1 to 200 characters)
   * @return the store; close it before the database. Its {@code save} throws {@link
   *     io.mmsdk.common.store.StoreConflictException} if another instance saved the scope since
   *     this one last read or saved it; database failures and rows that do not decode are {@link
   *     io.mmsdk.licensing.smart.SmartLicensingException}s
   * @throws IllegalArgumentException if {@code scope} is blank or too long
   * @throws JdbcStoreException if the tables cannot be created or migrated
   * @throws SchemaTooNewException if a newer mm-sdk migrated the tables past this version
   * @throws io.mmsdk.licensing.smart.SmartLicensingException if the scope's row cannot be created
   */
  public static SmartLicensingStore smartLicensing(JdbcDatabase database, String scope) {
    return new JdbcSmartLicensingStore(Objects.requireNonNull(database, "database == null"), scope);
  }

  /**
   * Opens the local users, password and sign-in policies and LDAP settings of one {@code scope}
   * in {@code database} (tables {@code mm_user_state}, {@code mm_user}, {@code mm_user_tag}). The
   * rows hold password hashes and the LDAP bind password: restrict the database (or schema) to
   * mm-sdk's user, as the file store's file is owner-only.
   *
   * @param database where the users are kept
   * @param scope the deployment or instance name (1 to 200 characters)
   * @return the store; close it before the database. Its {@code save} throws {@link
   *     io.mmsdk.common.store.StoreConflictException} if another instance saved the scope since
   *     this one last read or saved it; database failures and rows that do not decode are {@link
   *     io.mmsdk.admin.user.UserException}s
   * @throws IllegalArgumentException if {@code scope} is blank or too long
   * @throws JdbcStoreException if the tables cannot be created or migrated
   * @throws SchemaTooNewException if a newer mm-sdk migrated the tables past this version
   * @throws io.mmsdk.admin.user.UserException if the scope's row cannot be created
   */
  public static UserStore users(JdbcDatabase database, String scope) {
    return new JdbcUserStore(Objects.requireNonNull(database, "database == null"), scope);
  }

  /**
   * Opens the registered clusters and Call Bridges of one {@code scope} in {@code database}
   * (tables {@code mm_cluster_state}, {@code mm_cluster}, {@code mm_call_bridge}, and {@code
   * mm_call_bridge_credential} with the API passwords: grant that table to mm-sdk's user only).
   *
   * @param database where the clusters are kept
   * @param scope the deployment or instance name (1 to 200 characters)
   * @return the store; close it before the database. Its {@code save} throws {@link
   *     io.mmsdk.common.store.StoreConflictException} if another instance saved the scope since
   *     this one last read or saved it; database failures and rows that do not decode are {@link
   *     io.mmsdk.core.cluster.ClusterException}s
   * @throws IllegalArgumentException if {@code scope} is blank or too long
   * @throws JdbcStoreException if the tables cannot be created or migrated
   * @throws SchemaTooNewException if a newer mm-sdk migrated the tables past this version
   * @throws io.mmsdk.core.cluster.ClusterException if the scope's row cannot be created
   */
  public static ClusterStore clusters(JdbcDatabase database, String scope) {
    return new JdbcClusterStore(Objects.requireNonNull(database, "database == null"), scope);
  }
}
