package io.mmsdk.jdbc;

import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.user.LocalUser;
import io.mmsdk.admin.user.PassphraseDictionary;
import io.mmsdk.admin.user.PasswordHash;
import io.mmsdk.admin.user.UserCodec;
import io.mmsdk.admin.user.UserData;
import io.mmsdk.admin.user.UserException;
import io.mmsdk.admin.user.UserRecord;
import io.mmsdk.admin.user.UserStore;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link UserStore} on a {@link JdbcDatabase}, per scope: one row per local user ({@code
 * mm_user}, in order, with the current and earlier password hashes) and per tag ({@code
 * mm_user_tag}); the configuration (password and sign-in policies, LDAP server with its bind
 * password, group mappings, LDAP users' tags) is one {@link UserCodec#encodeConfig} document and
 * the passphrase dictionary one text, both in the holder row {@code mm_user_state}. See {@link
 * WholeStateStore} for how loads and saves stay whole. The rows hold password hashes and the LDAP
 * bind password: protect the database as the file store's owner-only file is protected.
 */
final class JdbcUserStore extends WholeStateStore implements UserStore {
  static final String STORE = "users";
  static final int VERSION = 1;

  JdbcUserStore(JdbcDatabase db, String scope) {
    super(db, scope, STORE, VERSION, "mm_user_state", "the users and policies");
  }

  @Override
  RuntimeException failure(String message, Throwable cause) {
    return new UserException(message, cause);
  }

  @Override
  public UserData load() {
    return readState((c, saved) -> {
      if (!saved) {
        return UserData.empty();
      }
      try {
        return read(c);
      } catch (IllegalArgumentException | UserException e) {
        throw damaged(e.getMessage(), e);
      }
    });
  }

  private UserData read(Connection c) throws SQLException {
    String config;
    String dictionary;
    try (PreparedStatement p = select(c, "config, dictionary", "mm_user_state", "");
        ResultSet rs = p.executeQuery()) {
      rs.next();
      config = rs.getString("config");
      dictionary = rs.getString("dictionary");
    }
    if (config == null) {
      throw new IllegalArgumentException("the configuration is missing");
    }
    Map<String, Set<String>> tags = new HashMap<>();
    try (PreparedStatement p = select(c, "username, tag", "mm_user_tag", "");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        tags.computeIfAbsent(rs.getString("username"), k -> new HashSet<>()).add(rs.getString("tag"));
      }
    }
    List<UserRecord> users = new ArrayList<>();
    try (PreparedStatement p = select(c, "username, first_name, last_name, role, password_hash,"
        + " previous_hashes", "mm_user", "position"); ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        String username = rs.getString("username");
        String previous = rs.getString("previous_hashes");
        users.add(new UserRecord(new LocalUser(username, rs.getString("first_name"),
            rs.getString("last_name"), constant(Role.class, rs, "role"),
            tags.getOrDefault(username, Set.of())),
            PasswordHash.parse(rs.getString("password_hash")),
            previous.isEmpty() ? List.of()
                : Arrays.stream(previous.split("\n")).map(PasswordHash::parse).toList()));
      }
    }
    UserData settings = UserCodec.decodeConfig(config.getBytes(StandardCharsets.UTF_8));
    return new UserData(users, dictionary == null ? null
            : PassphraseDictionary.parse(dictionary.getBytes(StandardCharsets.UTF_8)),
        settings.passwordPolicy(), settings.signInPolicy(), settings.ldapSettings(),
        settings.ldapGroups(), settings.ldapUserTags(), settings.retainedLdapGroupTags());
  }

  @Override
  public void save(UserData data) {
    Objects.requireNonNull(data, "data == null");
    String config = new String(UserCodec.encodeConfig(data), StandardCharsets.UTF_8);
    String dictionary = data.findDictionary()
        .map(d -> new String(d.toBytes(), StandardCharsets.UTF_8)).orElse(null);
    writeState(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE mm_user_state SET config = ?, dictionary = ? WHERE scope = ?")) {
        p.setString(1, config);
        p.setString(2, dictionary);
        p.setString(3, scope);
        p.executeUpdate();
      }
      deleteParts(c, "mm_user_tag", "mm_user");
      int position = 0;
      try (PreparedStatement u = insert(c, "mm_user", "username", "position", "first_name",
          "last_name", "role", "password_hash", "previous_hashes");
          PreparedStatement t = insert(c, "mm_user_tag", "username", "tag")) {
        for (UserRecord r : data.users()) {
          LocalUser user = r.user();
          u.setString(2, user.username());
          u.setInt(3, position++);
          u.setString(4, user.firstName());
          u.setString(5, user.lastName());
          u.setString(6, user.role().name());
          u.setString(7, r.password().encoded());
          u.setString(8, String.join("\n",
              r.previousPasswords().stream().map(PasswordHash::encoded).toList()));
          u.executeUpdate();
          for (String tag : user.tags()) {
            t.setString(2, user.username());
            t.setString(3, tag);
            t.executeUpdate();
          }
        }
      }
    });
  }
}
