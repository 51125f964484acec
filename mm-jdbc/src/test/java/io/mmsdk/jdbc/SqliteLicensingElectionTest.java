package io.mmsdk.jdbc;

/** {@link LicensingElectionContract} on one SQLite file opened twice. */
class SqliteLicensingElectionTest extends LicensingElectionContract {
  @Override
  protected JdbcDatabase openDatabase() {
    return JdbcDatabase.sqlite(dir.resolve("shared.db"));
  }
}
