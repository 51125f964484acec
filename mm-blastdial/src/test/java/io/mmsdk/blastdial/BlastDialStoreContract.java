package io.mmsdk.blastdial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.store.StoreContract;
import io.mmsdk.common.store.StoreProcessContract;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link BlastDialStore} (monitoring settings, space configurations with
 * contacts, blast dials in progress), tested through the interface alone: subclass it once per
 * backend.
 */
public abstract class BlastDialStoreContract extends StoreContract<BlastDialStore> {

  /** Damages the saved setup of {@code space}, while the store is closed. */
  protected abstract void damage(SpaceKey space) throws Exception;

  /** {@inheritDoc} The driver is a subclass of this contract's {@link Driver}. */
  @Override
  protected abstract Class<? extends Driver> processDriver();

  static SpaceSetup setup(SpaceKey key, int contacts) {
    List<Contact> list = new ArrayList<>();
    for (int i = 0; i < contacts; i++) {
      list.add(new Contact("c" + i, "Contact " + i, "u" + i + "@example.com", i % 2 == 0));
    }
    return new SpaceSetup(key, BlastDialConfig.disabled(), list);
  }

  @Test
  void monitoring_freshStoreIsPrimaryThenSavedValueSurvivesReopen() {
    assertEquals(MonitoringSettings.primary(), reopen().monitoring());
    reopen().saveMonitoring(MonitoringSettings.secondary(Duration.ofSeconds(45)));
    assertEquals(MonitoringSettings.secondary(Duration.ofSeconds(45)), reopen().monitoring());
    reopen().saveMonitoring(MonitoringSettings.primary());
    assertEquals(MonitoringSettings.primary(), reopen().monitoring());
  }

  @Test
  void saveSpace_reopened_sameConfigAndContactsInOrderAndReplaced() {
    SpaceKey key = SpaceKey.of("clu/ster 1", "sp\u00e4 ce");
    SpaceSetup setup = new SpaceSetup(key,
        BlastDialConfig.builder().enabled(true).retries(7).retryDelay(Duration.ofSeconds(90))
            .audioPrompt(AudioPromptMode.NEVER).build(),
        List.of(new Contact("c2", "Doe, Jane = \"x\"", "jane@example.com", true),
            new Contact("c1", "Zo\u00eb", "5551234", false)));
    reopen().saveSpace(setup);
    assertEquals(setup, reopen().findSpace(key).orElseThrow());
    assertTrue(reopen().findSpace(SpaceKey.of("other", "x")).isEmpty());
    assertTrue(reopen().findSpace(SpaceKey.of("clu/ster 1", "other")).isEmpty());
    SpaceSetup smaller = setup(key, 1);
    reopen().saveSpace(smaller);
    assertEquals(smaller, reopen().findSpace(key).orElseThrow(), "a save replaces config and contacts");
  }

  @Test
  void saveRun_reopenedAndDeleted_roundTripsThenGone() {
    Contact c = new Contact("c1", "Bob", "bob@example.com", true);
    BlastStatus run = new BlastStatus(SpaceKey.of("a", "s"), "call-9",
        Instant.parse("2026-11-24T09:00:00Z"), BlastStatus.Phase.DIALING,
        List.of(new ContactStatus(c, ContactState.WAITING_RETRY, 2, Instant.parse("2026-11-24T09:03:00.5Z"), null, "remoteBusy"),
            new ContactStatus(c, ContactState.DIALING, 1, null, "leg-1", null)));
    BlastStatus other = new BlastStatus(SpaceKey.of("b", "s"), "call-9",
        Instant.parse("2026-11-24T08:00:00Z"), BlastStatus.Phase.DIALING, List.of());
    reopen().saveRun(run);
    reopen().saveRun(other);
    assertEquals(List.of(other, run), reopen().runs(), "oldest first; the call id is per cluster");
    reopen().deleteRun("a", "call-9");
    reopen().deleteRun("a", "never-stored");
    assertEquals(List.of(other), reopen().runs());
  }

  @Test
  void badInput_isRejectedAndNothingStoredIsLost() {
    BlastDialStore store = reopen();
    SpaceSetup s = setup(SpaceKey.of("a", "s"), 2);
    store.saveSpace(s);
    assertThrows(NullPointerException.class, () -> store.saveSpace(null));
    assertThrows(NullPointerException.class, () -> store.saveRun(null));
    assertThrows(NullPointerException.class, () -> store.saveMonitoring(null));
    assertThrows(NullPointerException.class, () -> store.findSpace(null));
    assertEquals(Optional.of(s), reopen().findSpace(s.space()));
  }

  @Test
  void afterClose_isRejected() {
    BlastDialStore store = reopen();
    store.close();
    store.close();
    assertThrows(IllegalStateException.class, store::monitoring);
    assertThrows(IllegalStateException.class, store::runs);
  }

  @Test
  void saveSpace_concurrentCallers_everySpaceKeptWhole() throws Exception {
    BlastDialStore store = reopen();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        tasks.add(() -> {
          for (int i = 0; i < 20; i++) {
            store.saveSpace(setup(SpaceKey.of("c", "s" + thread + "." + i), i % 5));
            // all threads also rewrite one shared space: a reader must always see one whole save
            store.saveSpace(setup(SpaceKey.of("c", "shared"), i % 5));
            SpaceSetup shared = store.findSpace(SpaceKey.of("c", "shared")).orElseThrow();
            assertEquals(setup(SpaceKey.of("c", "shared"), shared.contacts().size()), shared);
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
    BlastDialStore again = reopen();
    for (int t = 0; t < 4; t++) {
      for (int i = 0; i < 20; i++) {
        assertEquals(setup(SpaceKey.of("c", "s" + t + "." + i), i % 5), again.findSpace(SpaceKey.of("c", "s" + t + "." + i)).orElseThrow());
      }
    }
  }

  @Test
  void damage_oneSpaceFailsTypedWithAdviceAndEveryOtherSpaceIsKept() throws Exception {
    BlastDialStore store = reopen();
    SpaceKey bad = SpaceKey.of("a", "bad");
    SpaceKey good = SpaceKey.of("a", "good");
    store.saveSpace(setup(bad, 2));
    store.saveSpace(setup(good, 3));
    closeStores();
    damage(bad);
    BlastDialStore damaged = reopen();
    BlastDialException e = assertThrows(BlastDialException.class, () -> damaged.findSpace(bad));
    assertTrue(e.getMessage().contains("restore it from a backup"), e.getMessage());
    assertEquals(setup(good, 3), damaged.findSpace(good).orElseThrow());
    damaged.saveSpace(setup(bad, 1));
    assertEquals(setup(bad, 1), reopen().findSpace(bad).orElseThrow(), "saving again repairs the space");
  }

  /**
   * Drives a blast dial store for {@link StoreProcessContract}: record i is space {@code si} with
   * one contact. Subclasses open the backend; they need a public no-argument constructor.
   */
  public abstract static class Driver extends StoreContract.Driver<BlastDialStore> {
    @Override
    public final void write(int i) {
      store.saveSpace(new SpaceSetup(SpaceKey.of("cluster", "s" + i), BlastDialConfig.disabled(),
          List.of(new Contact("c" + i, "Contact " + i, "u" + i + "@example.com", false))));
    }

    @Override
    public final Set<Integer> present(int upTo) {
      Set<Integer> out = new TreeSet<>();
      for (int i = 0; i <= upTo; i++) {
        if (store.findSpace(SpaceKey.of("cluster", "s" + i)).isPresent()) {
          out.add(i);
        }
      }
      return out;
    }
  }
}
