package io.mmsdk.jdbc;

/**
 * A store's tables in the database were migrated by a newer mm-sdk than this one: opening them
 * could misread or damage what the newer version wrote, so nothing is touched. Upgrade mm-sdk to a
 * version that knows the schema, or point this one at another database.
 */
public final class SchemaTooNewException extends JdbcStoreException {
  private static final long serialVersionUID = 1L;

  /** The store whose tables are too new, e.g. {@code cdr}. */
  private final String store;
  /** The schema version recorded in the database. */
  private final int databaseVersion;
  /** The newest schema version this code can use. */
  private final int supportedVersion;

  SchemaTooNewException(String database, String store, int databaseVersion, int supportedVersion) {
    super("the " + store + " tables in " + database + " are at schema version " + databaseVersion
        + ", newer than the " + supportedVersion + " this mm-sdk supports: upgrade mm-sdk on this"
        + " host to the version that migrated them, or use another database", null);
    this.store = store;
    this.databaseVersion = databaseVersion;
    this.supportedVersion = supportedVersion;
  }

  /** {@return the store whose tables are too new, e.g. {@code cdr}} */
  public String store() {
    return store;
  }

  /** {@return the schema version recorded in the database} */
  public int databaseVersion() {
    return databaseVersion;
  }

  /** {@return the newest schema version this code can use} */
  public int supportedVersion() {
    return supportedVersion;
  }
}
