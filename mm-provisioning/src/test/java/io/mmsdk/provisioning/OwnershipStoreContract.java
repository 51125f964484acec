package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.store.StoreContract;
import io.mmsdk.common.store.StoreProcessContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link OwnershipStore}, tested through the interface alone: subclass it
 * once per backend.
 */
public abstract class OwnershipStoreContract extends StoreContract<OwnershipStore> {

  /** Damages the stored record of owned {@code key}, while the store is closed. */
  protected abstract void damage(String key) throws Exception;

  /** {@inheritDoc} The driver is a subclass of this contract's {@link Driver}. */
  @Override
  protected abstract Class<? extends Driver> processDriver();

  @Test
  void emptyStore_ownsNothing() {
    OwnershipStore store = reopen();
    assertEquals(Map.of(), store.owned());
    assertEquals(Map.of(), store.pendingCreates());
  }

  @Test
  void changes_surviveReopen_putAndForgetClearThePendingMark() {
    OwnershipStore store = reopen();
    store.markPending("ldapServers:corp", Set.of("a", "b"));
    store.markPending("callProfiles:T", Set.of());
    store.put(new OwnedObject("callProfiles:T", CmsKind.CALL_PROFILE, "cp1", null, null));
    OwnedObject am = new OwnedObject("accessMethodTemplates:T/H\u00f6st", CmsKind.ACCESS_METHOD_TEMPLATE, "am1", "t1", null);
    store.put(am);
    store.forget("callProfiles:T");
    store.markPending("x:gone", Set.of("z"));
    store.forget("x:gone");

    OwnershipStore reopened = reopen();
    assertEquals(Map.of(am.key(), am), reopened.owned());
    assertEquals(Map.of("ldapServers:corp", Set.of("a", "b")), reopened.pendingCreates());
    OwnedObject s1 = new OwnedObject("ldapServers:corp", CmsKind.LDAP_SERVER, "s1", null, "fp");
    reopened.put(s1);
    OwnershipStore again = reopen();
    assertTrue(again.pendingCreates().isEmpty(), "put clears the pending mark");
    assertEquals(s1, again.owned().get("ldapServers:corp"));
    again.put(new OwnedObject("ldapServers:corp", CmsKind.LDAP_SERVER, "s2", null, "fp2"));
    assertEquals("s2", reopen().owned().get("ldapServers:corp").id(), "put replaces");
  }

  @Test
  void badInput_isRejectedAndNothingStoredIsLost() {
    OwnershipStore store = reopen();
    OwnedObject o = new OwnedObject("k", CmsKind.CALL_PROFILE, "id", null, null);
    store.put(o);
    assertThrows(NullPointerException.class, () -> store.put(null));
    assertThrows(NullPointerException.class, () -> store.markPending(null, Set.of()));
    assertThrows(NullPointerException.class, () -> store.markPending("k2", null));
    assertThrows(NullPointerException.class, () -> store.forget(null));
    assertEquals(Map.of("k", o), reopen().owned());
    assertEquals(Map.of(), reopen().pendingCreates());
  }

  @Test
  void afterClose_isRejected() {
    OwnershipStore store = reopen();
    store.close();
    store.close();
    assertThrows(IllegalStateException.class, store::owned);
    assertThrows(IllegalStateException.class, () -> store.forget("k"));
  }

  @Test
  void put_concurrentCallers_everyObjectKept() throws Exception {
    OwnershipStore store = reopen();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Map<String, OwnedObject> expected = new HashMap<>();
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        for (int i = 0; i < 25; i++) {
          expected.put("k" + t + "." + i, new OwnedObject("k" + t + "." + i, CmsKind.CALL_PROFILE, "id" + i, null, null));
        }
        int thread = t;
        tasks.add(() -> {
          for (int i = 0; i < 25; i++) {
            store.markPending("k" + thread + "." + i, Set.of("e"));
            store.put(expected.get("k" + thread + "." + i));
            store.owned();
          }
          return null;
        });
      }
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    OwnershipStore again = reopen();
    assertEquals(expected, again.owned());
    assertEquals(Map.of(), again.pendingCreates());
  }

  @Test
  void damage_failsTypedWithAdviceAndIsNeverOverwrittenByAnEmptyStore() throws Exception {
    OwnershipStore store = reopen();
    store.put(new OwnedObject("a", CmsKind.CALL_PROFILE, "id-a", null, null));
    store.put(new OwnedObject("b", CmsKind.CALL_PROFILE, "id-b", null, null));
    closeStores();
    damage("a");
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> reopen().owned());
    assertTrue(e.getMessage().contains("restore"), e.getMessage());
    assertThrows(ProvisioningException.class, () -> reopen().owned(),
        "ownership is never silently forgotten: a plan would treat mm-sdk's objects as foreign");
  }

  /**
   * Drives an ownership store for {@link StoreProcessContract}: record i is owned key {@code ki}.
   * Subclasses open the backend; they need a public no-argument constructor.
   */
  public abstract static class Driver extends StoreContract.Driver<OwnershipStore> {
    @Override
    public final void write(int i) {
      store.markPending("k" + i, Set.of("x" + i));
      store.put(new OwnedObject("k" + i, CmsKind.CALL_PROFILE, "id" + i, null, null));
    }

    @Override
    public final Set<Integer> present(int upTo) {
      Set<Integer> out = new TreeSet<>();
      for (String key : store.owned().keySet()) {
        int i = Integer.parseInt(key.substring(1));
        if (i <= upTo) {
          out.add(i);
        }
      }
      return out;
    }
  }
}
