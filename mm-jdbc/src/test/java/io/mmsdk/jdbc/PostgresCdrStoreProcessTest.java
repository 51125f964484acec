package io.mmsdk.jdbc;

import io.mmsdk.cdr.CdrStore;
import io.mmsdk.cdr.CdrStoreDriver;
import io.mmsdk.common.store.StoreDriver;
import io.mmsdk.common.store.StoreProcessContract;
import io.mmsdk.common.time.Scheduler;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link StoreProcessContract} for {@link JdbcCdrStore} on PostgreSQL: the child JVMs connect to
 * this JVM's server; each store directory names a schema of its own.
 */
public class PostgresCdrStoreProcessTest extends StoreProcessContract {
  @RegisterExtension static final EmbeddedPostgresExtension PG = new EmbeddedPostgresExtension();
  private static final String URL_PROPERTY = "mmsdk.test.postgresUrl";

  @Override
  protected Class<? extends StoreDriver> driver() {
    return Driver.class;
  }

  @Override
  protected boolean sharedAcrossProcesses() {
    return true;
  }

  @Override
  protected List<String> childJvmArguments() {
    return List.of("-D" + URL_PROPERTY + "=" + PG.jdbcUrl());
  }

  /** Opens the schema named after the directory, in the server the parent passed. */
  public static final class Driver extends CdrStoreDriver {
    private JdbcDatabase db;

    /** Creates a driver. */
    public Driver() {}

    @Override
    protected CdrStore openStore(Path dir, Scheduler scheduler) {
      String fromParent = System.getProperty(URL_PROPERTY);
      String base = fromParent != null ? fromParent : PG.jdbcUrl();
      String schema = "p" + Integer.toHexString(dir.toAbsolutePath().toString().hashCode());
      try (JdbcDatabase admin = JdbcDatabase.builder(base).build()) {
        admin.withConnection(c -> {
          try (Statement s = c.createStatement()) {
            return s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
          }
        });
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create schema " + schema, e);
      }
      db = JdbcDatabase.builder(base.replaceAll("currentSchema=[^&]*", "currentSchema=" + schema))
          .build();
      return JdbcCdrStore.builder(db).scheduler(scheduler).build();
    }

    @Override
    public void close() {
      super.close();
      if (db != null) {
        db.close();
      }
    }
  }
}
