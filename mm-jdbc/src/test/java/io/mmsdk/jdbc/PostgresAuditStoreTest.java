package io.mmsdk.jdbc;

import io.mmsdk.admin.audit.AuditStore;
import io.mmsdk.admin.audit.AuditStoreContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link AuditStoreContract} for {@link JdbcStores#audit} on PostgreSQL. */
class PostgresAuditStoreTest extends AuditStoreContract {
  @RegisterExtension static final EmbeddedPostgresExtension PG = new EmbeddedPostgresExtension();
  @TempDir Path dir;

  @BeforeAll
  static void serverUrl() {
    System.setProperty(TestDatabases.POSTGRES_URL, PG.jdbcUrl());
  }

  @AfterEach
  void closeDatabase() {
    TestDatabases.close(dir);
  }

  @Override
  protected AuditStore open() {
    return JdbcStores.audit(TestDatabases.postgres(dir));
  }

  @Override
  protected void damage(int index) {
    TestDatabases.execute(TestDatabases.postgres(dir), "UPDATE mm_audit_event SET at_nano = -1 WHERE sequence = " + (index + 1));
  }

  @Override
  protected Class<? extends Driver> processDriver() {
    return PostgresDriver.class;
  }

  @Override
  protected boolean sharedAcrossProcesses() {
    return true;
  }

  @Override
  protected List<String> childJvmArguments() {
    return List.of("-D" + TestDatabases.POSTGRES_URL + "=" + PG.jdbcUrl());
  }

  /** Opens the audit store on the PostgreSQL schema of the driver's directory. */
  public static final class PostgresDriver extends Driver {
    private Path dir;

    /** Creates a driver. */
    public PostgresDriver() {}

    @Override
    protected AuditStore openStore(Path d) {
      dir = d;
      return JdbcStores.audit(TestDatabases.postgres(d));
    }

    @Override
    public void close() {
      super.close();
      TestDatabases.close(dir);
    }
  }
}
