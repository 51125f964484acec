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

/** {@link OwnershipStoreContract} for {@link OwnershipStore#file}, plus what only the JSON file has. */
class OwnershipStoreTest extends OwnershipStoreContract {

  @TempDir Path dir;

  @Override
  protected OwnershipStore open() {
    return OwnershipStore.file(dir.resolve("sub/owned.json"));
  }

  @Override
  protected void damage(String key) throws Exception {
    Path f = dir.resolve("sub/owned.json");
    Files.writeString(f, Files.readString(f).replace("\"" + key + "\"", "\"" + key + "\" oops"));
  }

  @Override
  protected Class<? extends Driver> processDriver() {
    return FileDriver.class;
  }

  @Test
  void file_changes_leaveNoTempFile() {
    try (OwnershipStore store = open()) {
      store.markPending("ldapServers:corp", Set.of("a", "b"));
    }
    assertFalse(Files.exists(dir.resolve("sub/owned.json.tmp")));
  }

  @Test
  void file_corrupt_failsWithWhatToDo() throws Exception {
    Path file = dir.resolve("owned.json");
    Files.writeString(file, "{\"owned\": [");
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> OwnershipStore.file(file));
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("restore"), e.getMessage());
  }

  @Test
  void file_layoutVersion1_loads() throws Exception {
    Path file = dir.resolve("owned.json");
    Files.writeString(file, """
        {
          "version": 1,
          "owned": [
            {"key": "accessMethodTemplates:T/H", "kind": "ACCESS_METHOD_TEMPLATE", "id": "am1",
             "parentId": "t1", "secretFingerprint": "f1"}
          ],
          "pending": {"ldapServers:corp": ["a", "b"]}
        }
        """);
    try (OwnershipStore store = OwnershipStore.file(file)) {
      assertEquals(Map.of("accessMethodTemplates:T/H",
          new OwnedObject("accessMethodTemplates:T/H", CmsKind.ACCESS_METHOD_TEMPLATE, "am1", "t1", "f1")),
          store.owned());
      assertEquals(Map.of("ldapServers:corp", Set.of("a", "b")), store.pendingCreates());
    }
  }

  @Test
  void ownedObject_toString_hidesFingerprint() {
    String s = new OwnedObject("ldapServers:corp", CmsKind.LDAP_SERVER, "s1", null, "deadbeef").toString();
    assertFalse(s.contains("deadbeef"));
  }

  /** Opens {@link OwnershipStore#file} in a child process. */
  public static final class FileDriver extends Driver {
    /** Creates a driver. */
    public FileDriver() {}

    @Override
    protected OwnershipStore openStore(Path d) {
      return OwnershipStore.file(d.resolve("owned.json"));
    }
  }
}
