package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnershipStoreTest {

  @TempDir Path dir;

  @Test
  void file_changes_surviveReopenAndLeaveNoTempFile() throws Exception {
    Path file = dir.resolve("sub/owned.json");
    OwnershipStore store = OwnershipStore.file(file);
    store.markPending("ldapServers:corp", Set.of("a", "b"));
    store.put(new OwnedObject("callProfiles:T", CmsKind.CALL_PROFILE, "cp1", null, null));
    store.put(new OwnedObject("accessMethodTemplates:T/Host", CmsKind.ACCESS_METHOD_TEMPLATE, "am1", "t1", null));
    store.forget("callProfiles:T");
    store.close();

    OwnershipStore reopened = OwnershipStore.file(file);
    assertEquals(Map.of("accessMethodTemplates:T/Host",
        new OwnedObject("accessMethodTemplates:T/Host", CmsKind.ACCESS_METHOD_TEMPLATE, "am1", "t1", null)),
        reopened.owned());
    assertEquals(Map.of("ldapServers:corp", Set.of("a", "b")), reopened.pendingCreates());
    assertFalse(Files.exists(dir.resolve("sub/owned.json.tmp")));

    reopened.put(new OwnedObject("ldapServers:corp", CmsKind.LDAP_SERVER, "s1", null, "fp"));
    reopened.close();
    try (OwnershipStore again = OwnershipStore.file(file)) {
      assertTrue(again.pendingCreates().isEmpty(), "put clears the pending mark");
    }
  }

  @Test
  void file_corrupt_failsWithWhatToDo() throws Exception {
    Path file = dir.resolve("owned.json");
    Files.writeString(file, "{\"owned\": [");
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> OwnershipStore.file(file));
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("restore"), e.getMessage());
  }

  @Test
  void ownedObject_toString_hidesFingerprint() {
    String s = new OwnedObject("ldapServers:corp", CmsKind.LDAP_SERVER, "s1", null, "deadbeef").toString();
    assertFalse(s.contains("deadbeef"));
  }
}
