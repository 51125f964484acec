package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmsdk.admin.audit.AuditEvent;
import io.mmsdk.admin.audit.AuditStore;
import io.mmsdk.licensing.UsageSample;
import io.mmsdk.licensing.UsageStore;
import io.mmsdk.licensing.UsageValues;
import io.mmsdk.provisioning.CmsKind;
import io.mmsdk.provisioning.OwnedObject;
import io.mmsdk.provisioning.OwnershipStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 0.1 file store migration of docs/storage.md, run as written there; running it twice changes nothing. */
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
}
