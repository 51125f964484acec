package io.mmsdk.jdbc;

import io.mmsdk.provisioning.CmsKind;
import io.mmsdk.provisioning.OwnedObject;
import io.mmsdk.provisioning.OwnershipStore;
import io.mmsdk.provisioning.ProvisioningException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link OwnershipStore} on a {@link JdbcDatabase}: tables {@code mm_owned_object} and {@code
 * mm_pending_create}, one row per object key within a scope (one scope per cluster). Every change is
 * one transaction; processes sharing the database see each other's changes at once. A row that
 * cannot be decoded fails every read with a {@link ProvisioningException}: forgetting it would make
 * the next plan treat an object of mm-sdk's as foreign.
 */
final class JdbcOwnershipStore implements OwnershipStore {
  static final String STORE = "ownership";
  static final int VERSION = 1;

  private final JdbcDatabase db;
  private final String scope;
  private volatile boolean closed;

  private JdbcOwnershipStore(JdbcDatabase db, String scope) {
    this.db = db;
    this.scope = scope;
  }

  static JdbcOwnershipStore open(JdbcDatabase db, String scope) {
    Objects.requireNonNull(db, "database == null");
    Objects.requireNonNull(scope, "scope == null");
    if (scope.isBlank() || scope.length() > 200) {
      throw new IllegalArgumentException("scope must be 1 to 200 characters, e.g. the cluster id; got '" + scope + "'");
    }
    db.migrate(STORE, VERSION);
    return new JdbcOwnershipStore(db, scope);
  }

  @Override
  public Map<String, OwnedObject> owned() {
    ensureOpen();
    return read("the owned objects", c -> {
      Map<String, OwnedObject> out = new HashMap<>();
      try (PreparedStatement p = c.prepareStatement("SELECT object_key, kind, cms_id, parent_id,"
          + " secret_fingerprint FROM mm_owned_object WHERE scope = ?")) {
        p.setString(1, scope);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            String key = rs.getString(1);
            out.put(key, new OwnedObject(key, kind(key, rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5)));
          }
        }
      }
      return Map.copyOf(out);
    });
  }

  private CmsKind kind(String key, String name) {
    try {
      return CmsKind.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new ProvisioningException("The ownership row '" + key + "' (scope " + scope + ") in " + db
          + " has an unknown kind '" + name + "': restore the row from a backup (or correct its kind)."
          + " Until then mm-sdk reads no ownership of this scope, so it changes none of its objects.", e);
    }
  }

  @Override
  public Map<String, Set<String>> pendingCreates() {
    ensureOpen();
    return read("the pending creates", c -> {
      Map<String, Set<String>> out = new HashMap<>();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT object_key, existing_ids FROM mm_pending_create WHERE scope = ?")) {
        p.setString(1, scope);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            String ids = rs.getString(2);
            out.put(rs.getString(1), ids.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(ids.split("\n"))));
          }
        }
      }
      return Map.copyOf(out);
    });
  }

  @Override
  public void markPending(String key, Set<String> existingIds) {
    Objects.requireNonNull(key, "key == null");
    Set<String> ids = new TreeSet<>(Objects.requireNonNull(existingIds, "existingIds == null"));
    for (String id : ids) {
      if (id.isEmpty() || id.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a CMS id is neither empty nor contains a line break: '" + id + "'");
      }
    }
    ensureOpen();
    write("mark " + key + " as pending", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO mm_pending_create (scope, object_key, existing_ids) VALUES (?, ?, ?)"
              + " ON CONFLICT (scope, object_key) DO UPDATE SET existing_ids = excluded.existing_ids")) {
        p.setString(1, scope);
        p.setString(2, key);
        p.setString(3, String.join("\n", ids));
        p.executeUpdate();
      }
    });
  }

  @Override
  public void put(OwnedObject object) {
    Objects.requireNonNull(object, "object == null");
    Objects.requireNonNull(object.key(), "key == null");
    Objects.requireNonNull(object.kind(), "kind == null");
    Objects.requireNonNull(object.id(), "id == null");
    ensureOpen();
    write("record " + object.key(), c -> {
      delete(c, "mm_pending_create", object.key());
      try (PreparedStatement p = c.prepareStatement("INSERT INTO mm_owned_object (scope, object_key,"
          + " kind, cms_id, parent_id, secret_fingerprint) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT"
          + " (scope, object_key) DO UPDATE SET kind = excluded.kind, cms_id = excluded.cms_id,"
          + " parent_id = excluded.parent_id, secret_fingerprint = excluded.secret_fingerprint")) {
        p.setString(1, scope);
        p.setString(2, object.key());
        p.setString(3, object.kind().name());
        p.setString(4, object.id());
        p.setString(5, object.parentId());
        p.setString(6, object.secretFingerprint());
        p.executeUpdate();
      }
    });
  }

  @Override
  public void forget(String key) {
    Objects.requireNonNull(key, "key == null");
    ensureOpen();
    write("forget " + key, c -> {
      delete(c, "mm_owned_object", key);
      delete(c, "mm_pending_create", key);
    });
  }

  private void delete(Connection c, String table, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE scope = ? AND object_key = ?")) {
      p.setString(1, scope);
      p.setString(2, key);
      p.executeUpdate();
    }
  }

  private <T> T read(String what, JdbcDatabase.SqlWork<T> work) {
    try {
      return db.withConnection(work);
    } catch (SQLException e) {
      throw new ProvisioningException("Cannot read " + what + " (scope " + scope + ") from " + db
          + ": " + e.getMessage() + "; check that the database is reachable", e);
    }
  }

  private void write(String what, JdbcDatabase.SqlChange change) {
    db.inTransaction(change, e -> new ProvisioningException("Cannot " + what + " (scope " + scope + ") in " + db + ": "
          + e.getMessage() + "; nothing was changed, retry", e));
  }

  @Override
  public void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("The ownership store (scope " + scope + ") in " + db + " is closed; open a new one.");
    }
  }
}
