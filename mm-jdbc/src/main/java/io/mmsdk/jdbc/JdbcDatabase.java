package io.mmsdk.jdbc;

import static java.util.Objects.requireNonNull;

import io.mmsdk.common.store.StoreFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The database that mm-jdbc's stores keep their tables in, with a small pool of its connections.
 * {@link #sqlite(Path)} is the embedded default; {@link #builder(String)} and {@link
 * #builder(DataSource)} reach PostgreSQL (or SQLite by URL). Stores sharing one {@code
 * JdbcDatabase} share its connections; each store creates and migrates its own tables when it opens.
 *
 * <p>Several processes may use one database at once: PostgreSQL from any host, SQLite from one host
 * (not over a network file system, whose locks SQLite cannot trust). Thread-safe; {@link #close()}
 * closes the pooled connections, after the stores using it are closed. {@link #toString()} never
 * shows a password or a URL's query string.
 */
public final class JdbcDatabase implements AutoCloseable {
  private final Dialect dialect;
  private final String description;
  private final ConnectionSource source;
  private final Semaphore permits;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final Duration connectionTimeout;
  private volatile boolean closed;

  private JdbcDatabase(Dialect dialect, String description, ConnectionSource source,
      int maxConnections, Duration connectionTimeout) {
    this.dialect = dialect;
    this.description = description;
    this.source = source;
    this.permits = new Semaphore(maxConnections, true);
    this.connectionTimeout = connectionTimeout;
  }

  /**
   * Opens (creating it and its directories if missing, owner-only) the SQLite database in {@code
   * file}: the embedded default. Commits are forced to disk before they return (write-ahead log,
   * {@code synchronous=FULL}); other processes on this host may open the same file, and SQLite's
   * locks keep their writes apart.
   *
   * @param file the database file, e.g. {@code data/mm-sdk.db}
   * @return the database, with up to 4 pooled connections
   * @throws JdbcStoreException if the file cannot be created or opened as a SQLite database
   */
  public static JdbcDatabase sqlite(Path file) {
    requireNonNull(file, "file == null");
    Path absolute = file.toAbsolutePath();
    try {
      if (absolute.getParent() != null) {
        StoreFiles.createDirectories(absolute.getParent());
      }
      if (!Files.exists(absolute)) {
        // Owner-only from the start; SQLite gives its -wal and -shm files the same permissions.
        StoreFiles.open(absolute, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
      }
    } catch (IOException | UncheckedIOException e) {
      throw new JdbcStoreException("cannot create the SQLite database " + absolute
          + ": check that its directory is writable", e);
    }
    return builder("jdbc:sqlite:" + absolute).maxConnections(4).build();
  }

  /**
   * {@return a builder for the database at a JDBC URL} Supported: {@code
   * jdbc:postgresql://host:port/database} (add the PostgreSQL driver, {@code
   * org.postgresql:postgresql}, to the application) and {@code jdbc:sqlite:<file>}.
   *
   * @param jdbcUrl the URL; parameters such as {@code currentSchema} are passed to the driver
   * @throws IllegalArgumentException if the URL names a database mm-jdbc does not support
   */
  public static Builder builder(String jdbcUrl) {
    requireNonNull(jdbcUrl, "jdbcUrl == null");
    return new Builder(Dialect.ofUrl(jdbcUrl), jdbcUrl, null);
  }

  /**
   * {@return a builder for the database behind {@code dataSource}} (for example the application's
   * own connection pool). The database's product is read from its first connection on {@link
   * Builder#build()}. mm-jdbc never closes the data source.
   *
   * @param dataSource where connections come from
   */
  public static Builder builder(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource == null");
    return new Builder(null, null, dataSource);
  }

  /** {@return the database's product, e.g. {@code PostgreSQL} or {@code SQLite}} */
  public String productName() {
    return dialect.displayName();
  }

  Dialect dialect() {
    return dialect;
  }

  /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
  <T> T inTransaction(SqlWork<T> work) throws SQLException {
    return borrow(work, false);
  }

  /** Runs {@code work} on a connection in auto-commit mode (each statement its own transaction). */
  <T> T withConnection(SqlWork<T> work) throws SQLException {
    return borrow(work, true);
  }

  /**
   * Runs {@code work} in one transaction, as {@link #inTransaction(SqlWork)}; a {@link
   * SQLException} becomes the store's own exception, made by {@code failure}.
   */
  <T> T inTransaction(SqlWork<T> work, Function<SQLException, ? extends RuntimeException> failure) {
    try {
      return borrow(work, false);
    } catch (SQLException e) {
      throw failure.apply(e);
    }
  }

  /**
   * Runs {@code change} in one transaction: committed if it returns, rolled back if it throws; a
   * {@link SQLException} becomes the store's own exception, made by {@code failure}.
   */
  void inTransaction(SqlChange change, Function<SQLException, ? extends RuntimeException> failure) {
    inTransaction(c -> {
      change.apply(c);
      return null;
    }, failure);
  }

  /**
   * Creates or migrates the tables of {@code store} to {@code latest}: every script {@code
   * migrations/<dialect>/<store>/V<n>.sql} with n above the version recorded in {@code
   * mm_schema_version} is run, in order, in one transaction with the recorded version, so a failure
   * leaves the previous schema. Migrators in other processes wait for this one.
   *
   * @throws SchemaTooNewException if the database is at a version above {@code latest}
   * @throws JdbcStoreException if the migration failed
   */
  void migrate(String store, int latest) {
    try {
      inTransaction(c -> {
        Migrations.apply(c, dialect, description, store, latest);
        return null;
      });
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot create or migrate the " + store + " tables in "
          + description + " (" + e.getMessage() + "): check that the database is reachable and"
          + " that its user may create tables", e);
    }
  }

  private <T> T borrow(SqlWork<T> work, boolean autoCommit) throws SQLException {
    Connection c = acquire();
    boolean broken = false;
    boolean began = false;
    try {
      if (!autoCommit) {
        dialect.begin(c);
        began = true;
      }
      T result = work.run(c);
      if (began) {
        dialect.commit(c);
        began = false;
      }
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      broken = isConnectionFailure(e);
      if (began && !broken) {
        try {
          dialect.rollback(c);
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
          broken = true;
        }
      }
      throw e;
    } finally {
      release(c, broken);
    }
  }

  private static boolean isConnectionFailure(Throwable e) {
    return e instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08");
  }

  private Connection acquire() throws SQLException {
    if (closed) {
      throw new SQLTransientConnectionException(description + " is closed");
    }
    try {
      if (!permits.tryAcquire(connectionTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SQLTransientConnectionException("every connection to " + description
            + " stayed in use for " + connectionTimeout + ": raise maxConnections or find the"
            + " slow statements");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("interrupted while waiting for a connection to "
          + description, e);
    }
    Connection c = idle.pollFirst();
    if (c != null) {
      return c;
    }
    try {
      return source.open();
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private void release(Connection c, boolean broken) {
    try {
      if (broken || closed) {
        closeQuietly(c);
      } else {
        idle.addFirst(c);
        if (closed && idle.remove(c)) {
          closeQuietly(c); // close() ran meanwhile
        }
      }
    } finally {
      permits.release();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // The connection is being dropped; nothing was pending on it.
    }
  }

  /** Closes the idle pooled connections; connections in use are closed when they come back. */
  @Override
  public void close() {
    closed = true;
    for (Connection c; (c = idle.pollFirst()) != null; ) {
      closeQuietly(c);
    }
  }

  @Override
  public String toString() {
    return "JdbcDatabase[" + description + "]";
  }

  /** A piece of work on a connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** A change on a connection, run in a transaction, that returns nothing. */
  @FunctionalInterface
  interface SqlChange {
    void apply(Connection c) throws SQLException;
  }

  private interface ConnectionSource {
    Connection open() throws SQLException;
  }

  /** Builds a {@link JdbcDatabase}. */
  public static final class Builder {
    private final Dialect urlDialect;
    private final String url;
    private final DataSource dataSource;
    private String user;
    private String password;
    private int maxConnections = 8;
    private Duration connectionTimeout = Duration.ofSeconds(30);

    private Builder(Dialect urlDialect, String url, DataSource dataSource) {
      this.urlDialect = urlDialect;
      this.url = url;
      this.dataSource = dataSource;
    }

    /**
     * Sets the user to connect as (or put it in the URL, or configure the data source).
     *
     * @param user the database user
     * @return this builder
     */
    public Builder user(String user) {
      this.user = requireNonNull(user, "user == null");
      return this;
    }

    /**
     * Sets the password; it is passed to the driver only, never logged or shown.
     *
     * @param password the database user's password
     * @return this builder
     */
    public Builder password(String password) {
      this.password = requireNonNull(password, "password == null");
      return this;
    }

    /**
     * Sets how many connections may be open at once (default 8; 4 for {@link #sqlite(Path)}).
     *
     * @param maxConnections at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxConnections} is below 1
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Sets how long a store waits for a free connection before failing (default 30 s).
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public Builder connectionTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("connectionTimeout must be positive: " + timeout);
      }
      this.connectionTimeout = timeout;
      return this;
    }

    /**
     * Builds the database handle and checks that it can connect.
     *
     * @return the database
     * @throws JdbcStoreException if no connection can be opened (wrong URL, host down, wrong
     *     password, missing driver)
     * @throws IllegalArgumentException if a data source's database is not one mm-jdbc supports
     */
    public JdbcDatabase build() {
      ConnectionSource source;
      String description;
      if (dataSource != null) {
        if (user != null) {
          String u = user;
          String pw = password;
          source = () -> dataSource.getConnection(u, pw);
        } else {
          source = dataSource::getConnection;
        }
        description = "database from " + dataSource.getClass().getSimpleName();
      } else {
        Properties props = urlDialect == Dialect.SQLITE ? Dialect.sqliteProperties() : new Properties();
        if (user != null) {
          props.setProperty("user", user);
        }
        if (password != null) {
          props.setProperty("password", password);
        }
        String u = url;
        source = () -> DriverManager.getConnection(u, props);
        description = Dialect.redact(url);
      }
      Dialect dialect;
      Connection first;
      try {
        first = source.open();
        try {
          dialect = urlDialect != null ? urlDialect
              : Dialect.ofProductName(first.getMetaData().getDatabaseProductName());
        } catch (SQLException | RuntimeException e) {
          closeQuietly(first);
          throw e;
        }
      } catch (SQLException e) {
        throw new JdbcStoreException("cannot connect to " + description + " (" + e.getMessage()
            + "): check the URL, that the server is up, the user and password, and that the"
            + " JDBC driver is on the class path", e);
      }
      JdbcDatabase db = new JdbcDatabase(dialect, dialect.displayName() + " " + description,
          source, maxConnections, connectionTimeout);
      db.idle.add(first);
      return db;
    }
  }
}
