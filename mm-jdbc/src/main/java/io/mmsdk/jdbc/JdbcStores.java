package io.mmsdk.jdbc;

import io.mmsdk.licensing.UsageStore;
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
}
