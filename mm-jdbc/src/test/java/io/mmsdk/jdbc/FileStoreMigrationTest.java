package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.audit.AuditEvent;
import io.mmsdk.admin.audit.AuditStore;
import io.mmsdk.admin.user.LocalUser;
import io.mmsdk.admin.user.PasswordHash;
import io.mmsdk.admin.user.PasswordPolicy;
import io.mmsdk.admin.user.SignInPolicy;
import io.mmsdk.admin.user.UserData;
import io.mmsdk.admin.user.UserRecord;
import io.mmsdk.admin.user.UserStore;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterStore;
import io.mmsdk.licensing.Feature;
import io.mmsdk.licensing.LicenseState;
import io.mmsdk.licensing.LicenseStateStore;
import io.mmsdk.licensing.LicensingMode;
import io.mmsdk.licensing.TrialRecord;
import io.mmsdk.licensing.UsageSample;
import io.mmsdk.licensing.UsageStore;
import io.mmsdk.licensing.UsageValues;
import io.mmsdk.licensing.smart.SmartLicensingStatus;
import io.mmsdk.licensing.smart.SmartLicensingStore;
import io.mmsdk.provisioning.CmsKind;
import io.mmsdk.provisioning.OwnedObject;
import io.mmsdk.provisioning.OwnershipStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 0.1 file store migrations of docs/storage.md, run as written there; running them twice changes nothing. */
class FileStoreMigrationTest {
  @TempDir Path dir;

  @Test
  void fileStores_copiedThroughTheirInterfaces_databaseHoldsTheSameTwice() {
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    try (UsageStore usage = UsageStore.file(dir.resolve("usage"));
        AuditStore audit = AuditStore.file(dir.resolve("audit.log"));
        OwnershipStore owned = OwnershipStore.file(dir.resolve("owned.json"))) {
      usage.append(List.of(new UsageSample("h1", t, new UsageValues(1, 0, 0, 2, 0, 0))));
      audit.append(new AuditEvent(1, t, "alice", "user.create", "bob", "x"));
      owned.put(new OwnedObject("callProfiles:T", CmsKind.CALL_PROFILE, "cp1", null, null));
      owned.markPending("ldapServers:corp", Set.of("a"));
    }
    for (int run = 0; run < 2; run++) {
      try (UsageStore file = UsageStore.file(dir.resolve("usage"));
          JdbcDatabase database = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
          UsageStore db = JdbcStores.usage(database)) {
        db.append(file.samples(Instant.EPOCH, Instant.MAX));
        assertEquals(file.samples(Instant.EPOCH, Instant.MAX), db.samples(Instant.EPOCH, Instant.MAX));
      }
      try (AuditStore file = AuditStore.file(dir.resolve("audit.log"));
          JdbcDatabase database = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
          AuditStore db = JdbcStores.audit(database)) {
        db.replaceAll(file.load());
        assertEquals(file.load(), db.load());
      }
      try (OwnershipStore file = OwnershipStore.file(dir.resolve("owned.json"));
          JdbcDatabase database = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
          OwnershipStore db = JdbcStores.ownership(database, "cluster-1")) {
        file.owned().values().forEach(db::put);
        file.pendingCreates().forEach(db::markPending);
        assertEquals(file.owned(), db.owned());
        assertEquals(file.pendingCreates(), db.pendingCreates());
      }
    }
  }

  @Test
  void wholeStateFileStores_copiedByLoadAndSave_databaseHoldsTheSameTwice() {
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    LicenseState state = LicenseState.INITIAL.withMode(LicensingMode.NO_LICENSING)
        .withTrials(List.of(new TrialRecord(Feature.MEETINGS, t, Set.of("c1"))));
    SmartLicensingStatus smart = new SmartLicensingStatus(SmartLicensingStatus.Registration.REGISTERED,
        SmartLicensingStatus.Authorization.AUTHORIZED, t, t, false);
    UserData users = new UserData(List.of(new UserRecord(LocalUser.of("ann", Role.ADMINISTRATOR),
        PasswordHash.create("pw", PasswordHash.MIN_ITERATIONS, new SecureRandom()), List.of())),
        null, PasswordPolicy.defaults(), SignInPolicy.defaults(), null, List.of(), Map.of(), Map.of());
    List<Cluster> clusters = List.of(Cluster.builder().id("c1").name("Europe").addCallBridge(
        CallBridge.builder().id("b1").name("London").address("10.0.0.1").credentials("api", "pw").build())
        .build());
    try (LicenseStateStore a = LicenseStateStore.file(dir.resolve("licensing"));
        SmartLicensingStore b = SmartLicensingStore.file(dir.resolve("licensing"));
        UserStore c = UserStore.file(dir.resolve("users.properties"));
        ClusterStore d = ClusterStore.file(dir.resolve("clusters.properties"))) {
      a.save(state);
      b.save(smart);
      c.save(users);
      d.save(clusters);
    }
    for (int run = 0; run < 2; run++) {
      // The sample of docs/storage.md, with the paths of this test.
      try (JdbcDatabase database = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
          LicenseStateStore stateFile = LicenseStateStore.file(dir.resolve("licensing"));
          LicenseStateStore stateDb = JdbcStores.licenseState(database, "mm-a");
          SmartLicensingStore smartFile = SmartLicensingStore.file(dir.resolve("licensing"));
          SmartLicensingStore smartDb = JdbcStores.smartLicensing(database, "mm-a");
          UserStore usersFile = UserStore.file(dir.resolve("users.properties"));
          UserStore usersDb = JdbcStores.users(database, "mm-a");
          ClusterStore clustersFile = ClusterStore.file(dir.resolve("clusters.properties"));
          ClusterStore clustersDb = JdbcStores.clusters(database, "mm-a")) {
        stateDb.save(stateFile.load());
        smartDb.save(smartFile.load());
        usersDb.save(usersFile.load());
        clustersDb.save(clustersFile.load());
      }
      try (JdbcDatabase database = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
          LicenseStateStore stateDb = JdbcStores.licenseState(database, "mm-a");
          SmartLicensingStore smartDb = JdbcStores.smartLicensing(database, "mm-a");
          UserStore usersDb = JdbcStores.users(database, "mm-a");
          ClusterStore clustersDb = JdbcStores.clusters(database, "mm-a")) {
        assertEquals(state, stateDb.load());
        assertEquals(smart, smartDb.load());
        assertEquals(users.users(), usersDb.load().users());
        assertEquals(clusters, clustersDb.load());
      }
    }
  }
}
