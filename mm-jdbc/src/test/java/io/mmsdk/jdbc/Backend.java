package io.mmsdk.jdbc;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The database a store test runs on. A store's test base takes one in its constructor, so each
 * backend's test class is a constructor; the store's process driver, created in a child JVM,
 * finds it with {@link #ofThisJvm()}.
 */
enum Backend {
  /** The embedded default: {@code mm-sdk.db} in the test's directory. */
  SQLITE,
  /** A schema of the embedded PostgreSQL server, named after the test's directory. */
  POSTGRESQL;

  private static final String PROPERTY = "mmsdk.test.backend";

  /** {@return the database kept in (or named after) {@code dir}; see {@link StoreDatabases}} */
  JdbcDatabase database(Path dir) {
    return StoreDatabases.database(this, dir);
  }

  /** Runs {@code sql} on the database of {@code dir}: damage done while the store is closed. */
  void execute(Path dir, String sql) {
    StoreDatabases.execute(database(dir), sql);
  }

  /**
   * Makes this backend the one of this JVM's process drivers, with the PostgreSQL server at {@code
   * serverUrl} (asked for only by {@link #POSTGRESQL}).
   */
  void useInThisJvm(Supplier<String> serverUrl) {
    System.setProperty(PROPERTY, name());
    if (this == POSTGRESQL) {
      System.setProperty(StoreDatabases.POSTGRES_URL, serverUrl.get());
    }
  }

  /** {@return the child JVM's arguments: this backend, and the PostgreSQL server's URL} */
  List<String> childJvmArguments() {
    String backend = "-D" + PROPERTY + "=" + name();
    return this == SQLITE ? List.of(backend) : List.of(backend,
        "-D" + StoreDatabases.POSTGRES_URL + "=" + System.getProperty(StoreDatabases.POSTGRES_URL));
  }

  /** {@return the backend the parent test passed to this (child) JVM} */
  static Backend ofThisJvm() {
    String name = System.getProperty(PROPERTY);
    if (name == null) {
      throw new IllegalStateException("no -D" + PROPERTY + ": start the driver through"
          + " StoreProcessContract, which passes childJvmArguments()");
    }
    return valueOf(name);
  }
}
