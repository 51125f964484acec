package io.mmsdk.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A store contract test's database on one {@link Backend}, fresh for every test: register it on
 * an instance field of the store's test base, which takes the backend in its constructor.
 *
 * <pre>{@code
 * @RegisterExtension final StoreDatabase db;
 * ... JdbcStores.users(db.database(), "deployment-1") ...
 * }</pre>
 *
 * Before each test it makes an empty directory (the database's name), starts the PostgreSQL server
 * of the test JVM if the backend needs it, and tells this JVM's process drivers the backend; after
 * the test it closes the database and deletes the directory.
 */
final class StoreDatabase implements BeforeEachCallback, AfterEachCallback {
  private final Backend backend;
  private Path dir;

  StoreDatabase(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("mm-jdbc-store");
    backend.useInThisJvm(() -> EmbeddedPostgresExtension.serverUrl(context));
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    StoreDatabases.close(dir);
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> {
        try {
          Files.delete(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** {@return this test's database} */
  JdbcDatabase database() {
    return backend.database(dir);
  }

  /** Runs {@code sql} on this test's database: damage done while the store is closed. */
  void execute(String sql) {
    StoreDatabases.execute(database(), sql);
  }

  /** {@return the arguments telling a child JVM's driver the backend and the server} */
  List<String> childJvmArguments() {
    return backend.childJvmArguments();
  }
}
