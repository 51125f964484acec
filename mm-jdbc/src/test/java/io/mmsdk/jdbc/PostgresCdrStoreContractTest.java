package io.mmsdk.jdbc;

import io.mmsdk.cdr.CdrStore;
import io.mmsdk.cdr.CdrStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CdrStoreContract} for {@link JdbcCdrStore} on PostgreSQL, a schema per test. */
class PostgresCdrStoreContractTest extends CdrStoreContract {
  @RegisterExtension static final EmbeddedPostgresExtension PG = new EmbeddedPostgresExtension();
  private final StoreDatabases databases = new StoreDatabases();
  private String url;

  @BeforeEach
  void freshSchema() {
    url = PG.newSchemaUrl();
  }

  @Override
  protected CdrStore open() {
    return JdbcCdrStore.builder(databases.open(() -> JdbcDatabase.builder(url).build()))
        .scheduler(clock).build();
  }

  @Override
  protected boolean deduplicates() {
    return true;
  }

  @Override
  protected void damage(int n) throws Exception {
    try (JdbcDatabase db = JdbcDatabase.builder(url).build()) {
      StoreDatabases.damageBatch(db, n);
    }
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
