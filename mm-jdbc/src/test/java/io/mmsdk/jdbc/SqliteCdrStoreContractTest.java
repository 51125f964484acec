package io.mmsdk.jdbc;

import io.mmsdk.cdr.CdrStore;
import io.mmsdk.cdr.CdrStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** {@link CdrStoreContract} for {@link JdbcCdrStore} on the embedded default, SQLite. */
class SqliteCdrStoreContractTest extends CdrStoreContract {
  @TempDir Path dir;
  private final StoreDatabases databases = new StoreDatabases();

  @Override
  protected CdrStore open() {
    return JdbcCdrStore.builder(databases.open(() -> JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"))))
        .scheduler(clock).build();
  }

  @Override
  protected boolean deduplicates() {
    return true;
  }

  @Override
  protected void damage(int n) throws Exception {
    try (JdbcDatabase db = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"))) {
      StoreDatabases.damageBatch(db, n);
    }
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
