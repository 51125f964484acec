package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.user.LocalUser;
import io.mmsdk.admin.user.PasswordHash;
import io.mmsdk.admin.user.PasswordPolicy;
import io.mmsdk.admin.user.SignInPolicy;
import io.mmsdk.admin.user.UserData;
import io.mmsdk.admin.user.UserRecord;
import io.mmsdk.admin.user.UserStore;
import io.mmsdk.common.store.StoreConflictException;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterException;
import io.mmsdk.core.cluster.ClusterStore;
import io.mmsdk.licensing.LicenseState;
import io.mmsdk.licensing.LicenseStateStore;
import io.mmsdk.licensing.LicensingMode;
import io.mmsdk.licensing.smart.SmartLicensingStatus;
import io.mmsdk.licensing.smart.SmartLicensingStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the whole-state stores add to their contracts on a shared database: two instances of one
 * scope (as two processes would have) never overwrite each other's save unseen, scopes are
 * separate, and no message shows a secret.
 */
class WholeStateStoresTest {
  @RegisterExtension final StoreDatabase sqlite = new StoreDatabase(Backend.SQLITE);
  @RegisterExtension final StoreDatabase postgresql = new StoreDatabase(Backend.POSTGRESQL);

  private JdbcDatabase db(Backend backend) {
    return (backend == Backend.SQLITE ? sqlite : postgresql).database();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void licenseState_saveAfterAnotherInstanceSaved_conflictsUntilLoadedAgain(Backend backend) {
    LicenseState smart = LicenseState.INITIAL.withMode(LicensingMode.SMART);
    LicenseState none = LicenseState.INITIAL.withMode(LicensingMode.NO_LICENSING);
    try (LicenseStateStore a = JdbcStores.licenseState(db(backend), "d");
        LicenseStateStore b = JdbcStores.licenseState(db(backend), "d")) {
      a.save(none);
      StoreConflictException e = assertThrows(StoreConflictException.class, () -> b.save(smart));
      assertTrue(e.getMessage().contains("Load them again"), e.getMessage());
      assertEquals(none, b.load(), "the refused save changed nothing");
      b.save(smart);
      assertThrows(StoreConflictException.class, () -> a.save(none), "a's view is now stale");
      assertEquals(smart, a.load());
      a.save(none);
      assertEquals(none, b.load());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void smartLicensing_saveAfterAnotherInstanceSaved_conflicts(Backend backend) {
    SmartLicensingStatus registered = new SmartLicensingStatus(SmartLicensingStatus.Registration.REGISTERED,
        SmartLicensingStatus.Authorization.AUTHORIZED, Instant.EPOCH, Instant.EPOCH, false);
    try (SmartLicensingStore a = JdbcStores.smartLicensing(db(backend), "d");
        SmartLicensingStore b = JdbcStores.smartLicensing(db(backend), "d")) {
      a.save(registered);
      assertThrows(StoreConflictException.class, () -> b.save(SmartLicensingStatus.UNREGISTERED));
      assertEquals(registered, b.load());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void users_saveAfterAnotherInstanceSaved_conflictsAndScopesAreSeparate(Backend backend) {
    PasswordHash hash = PasswordHash.create("pw", PasswordHash.MIN_ITERATIONS, new SecureRandom());
    UserData ann = new UserData(List.of(new UserRecord(LocalUser.of("ann", Role.ADMINISTRATOR),
        hash, List.of())), null, PasswordPolicy.defaults(), SignInPolicy.defaults(), null,
        List.of(), Map.of(), Map.of());
    try (UserStore a = JdbcStores.users(db(backend), "mm-a");
        UserStore b = JdbcStores.users(db(backend), "mm-a");
        UserStore other = JdbcStores.users(db(backend), "mm-b")) {
      b.load();
      a.save(ann);
      assertThrows(StoreConflictException.class, () -> b.save(UserData.empty()));
      assertEquals(ann.users(), b.load().users());
      other.save(UserData.empty());
      assertEquals(ann.users(), a.load().users(), "another scope's save is not this scope's");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void clusters_damagedBridgeRow_messageNamesTheRowsButNoPassword(Backend backend) {
    Cluster c = Cluster.builder().id("c1").name("Europe").addCallBridge(CallBridge.builder()
        .id("b1").name("London").address("10.0.0.1").credentials("api", "hunter2").build()).build();
    try (ClusterStore store = JdbcStores.clusters(db(backend), "d")) {
      store.save(List.of(c));
      assertEquals(List.of(c), store.load());
      StoreDatabases.execute(db(backend), "UPDATE mm_call_bridge SET check_revocation = 5");
      ClusterException e = assertThrows(ClusterException.class, store::load);
      assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("check_revocation"),
          e.getMessage());
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
      assertFalse(store.toString().contains("hunter2"), store.toString());
      assertEquals(Map.of("api", "hunter2"), credentialRows(db(backend)),
          "the password is in the credential table, apart from the bridge");
    }
  }

  private static Map<String, String> credentialRows(JdbcDatabase db) {
    try {
      return db.withConnection(c -> {
        try (var s = c.createStatement();
            var rs = s.executeQuery("SELECT username, password FROM mm_call_bridge_credential")) {
          rs.next();
          return Map.of(rs.getString(1), rs.getString(2));
        }
      });
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
