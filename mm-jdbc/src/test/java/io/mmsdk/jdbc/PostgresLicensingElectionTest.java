package io.mmsdk.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LicensingElectionContract} on one PostgreSQL schema reached through two handles. */
class PostgresLicensingElectionTest extends LicensingElectionContract {
  @RegisterExtension static final EmbeddedPostgresExtension PG = new EmbeddedPostgresExtension();
  private String url;

  @Override
  protected JdbcDatabase openDatabase() {
    if (url == null) {
      url = PG.newSchemaUrl(); // one fresh schema per test, shared by its two instances
    }
    return JdbcDatabase.builder(url).build();
  }
}
