package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresDatabaseTest extends JdbcDatabaseContract {
  @RegisterExtension static final EmbeddedPostgresExtension PG = new EmbeddedPostgresExtension();
  private String url;

  @BeforeEach
  void freshSchema() {
    url = PG.newSchemaUrl();
  }

  @Override
  protected JdbcDatabase open() {
    return JdbcDatabase.builder(url).build();
  }

  @Test
  void builder_serverDown_typedErrorWithoutPassword() {
    JdbcStoreException e = assertThrows(JdbcStoreException.class,
        () -> JdbcDatabase.builder("jdbc:postgresql://127.0.0.1:1/mm?connectTimeout=2")
            .user("mm").password("hunter2").connectionTimeout(Duration.ofSeconds(1)).build());
    assertTrue(e.getMessage().contains("jdbc:postgresql://127.0.0.1:1/mm"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void database_classSchema_isPostgres() {
    try (JdbcDatabase db = PG.database()) {
      assertEquals("PostgreSQL", db.productName());
    }
  }
}
