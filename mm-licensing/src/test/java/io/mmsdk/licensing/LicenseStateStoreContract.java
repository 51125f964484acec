package io.mmsdk.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.store.StoreContract;
import io.mmsdk.common.store.StoreProcessContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
 * The contract of every {@link LicenseStateStore} (mode, allocations, trials and enforcement
 * times), tested through the interface alone: subclass it once per backend.
 */
public abstract class LicenseStateStoreContract extends StoreContract<LicenseStateStore> {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  /** Damages the saved state, while the store is closed, so that it can no longer be read. */
  protected abstract void damage() throws Exception;

  /** {@inheritDoc} The driver is a subclass of this contract's {@link Driver}. */
  @Override
  protected abstract Class<? extends Driver> processDriver();

  static LicenseState rich() {
    return new LicenseState(
        LicensingMode.NO_LICENSING,
        Allocations.builder().allocate(AllocationType.PMP, 0).allocate(AllocationType.SMP, 25)
            .customizationLicense(true).customizationEnabled(true).build(),
        List.of(new TrialRecord(Feature.MEETINGS, T, Set.of("c 1", "c,2=x.y")),
            new TrialRecord(Feature.CUSTOMIZATION, T.plusSeconds(86_400), Set.of("c\u00e9"))),
        Map.of(Feature.CUSTOMIZATION, Set.of("old.cluster"), Feature.MEETINGS, Set.of("a", "b")),
        Map.of("c,2=x.y", Map.of(Feature.MEETINGS, T, Feature.CUSTOMIZATION, T.plusNanos(5)),
            "c 1", Map.of(Feature.MEETINGS, T.minusSeconds(1))));
  }

  @Test
  void load_nothingSaved_returnsInitial() {
    assertEquals(LicenseState.INITIAL, reopen().load());
  }

  @Test
  void save_thenReopen_roundTripsEverything() {
    LicenseState s = rich();
    reopen().save(s);
    LicenseState back = reopen().load();
    assertEquals(s, back);
    assertFalse(back.allocations().findAllocated(AllocationType.RECORDING_OR_STREAMING).isPresent());
  }

  @Test
  void save_again_replacesTheWholeState() {
    reopen().save(rich());
    LicenseState smaller = LicenseState.INITIAL.withMode(LicensingMode.SMART)
        .withTrials(List.of(new TrialRecord(Feature.MEETINGS, T, Set.of("only"))));
    reopen().save(smaller);
    assertEquals(smaller, reopen().load(), "nothing of the earlier state may linger");
    reopen().save(LicenseState.INITIAL);
    assertEquals(LicenseState.INITIAL, reopen().load());
  }

  @Test
  void badInput_isRejectedAndTheSavedStateKept() {
    LicenseStateStore store = reopen();
    store.save(rich());
    assertThrows(NullPointerException.class, () -> store.save(null));
    assertEquals(rich(), reopen().load());
  }

  @Test
  void afterClose_isRejected() {
    assertRejectedAfterClose(LicenseStateStore::load, s -> s.save(LicenseState.INITIAL));
  }

  @Test
  void save_concurrentCallers_loadAlwaysSeesOneWholeSavedState() throws Exception {
    LicenseStateStore store = reopen();
    int threads = 4;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        tasks.add(() -> {
          for (int i = 0; i < perThread; i++) {
            store.save(stateOf(thread * 1000 + i));
          }
          return null;
        });
      }
      tasks.add(() -> {
        for (int i = 0; i < perThread; i++) {
          assertConsistent(store.load());
        }
        return null;
      });
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    LicenseState last = reopen().load();
    assertConsistent(last);
    assertEquals(perThread - 1, last.allocations().findAllocated(AllocationType.PMP).orElseThrow() % 1000,
        "the last save of some thread wins");
  }

  /** A state whose every part carries {@code n}, so that a mix of two saves is detectable. */
  private static LicenseState stateOf(long n) {
    return new LicenseState(LicensingMode.SMART,
        Allocations.builder().allocate(AllocationType.PMP, n).allocate(AllocationType.SMP, n).build(),
        List.of(new TrialRecord(Feature.MEETINGS, Instant.EPOCH.plusSeconds(n), Set.of("c" + n))),
        Map.of(), Map.of("c" + n, Map.of(Feature.MEETINGS, Instant.EPOCH.plusSeconds(n))));
  }

  private static void assertConsistent(LicenseState s) {
    if (s.equals(LicenseState.INITIAL)) {
      return;
    }
    long n = s.allocations().findAllocated(AllocationType.PMP).orElseThrow();
    assertEquals(stateOf(n), s, "a load saw parts of two saves");
  }

  @Test
  void damage_loadFailsTypedWithAdviceUntilSavedAgain() throws Exception {
    reopen().save(rich());
    LicenseStoreException e = assertDamageReportedOnEveryReopen(LicenseStoreException.class, this::damage, LicenseStateStore::load);
    assertTrue(e.getMessage().contains("Restore it from a backup"), e.getMessage());
    LicenseStateStore store = reopen();
    store.save(rich());
    assertEquals(rich(), reopen().load());
  }

  /**
   * Drives a license state store for {@link StoreProcessContract}: write(i) loads the state, adds
   * an enforcement time for cluster ci, sets the PMP allocation to the number of those times and
   * saves it (again if another process saved meanwhile), so a state mixing two saves shows.
   * Subclasses open the backend; they need a public no-argument constructor.
   */
  public abstract static class Driver extends StoreContract.Driver<LicenseStateStore> {
    @Override
    public final void write(int i) {
      retryOnConflict(() -> {
        LicenseState s = store.load();
        Map<String, Map<Feature, Instant>> since = new java.util.HashMap<>(s.enforcementSince());
        since.put("c" + i, Map.of(Feature.MEETINGS, Instant.EPOCH.plusSeconds(i)));
        store.save(s.withEnforcementSince(since).withAllocations(
            Allocations.builder().allocate(AllocationType.PMP, since.size()).build()));
      });
    }

    @Override
    public final Set<Integer> present(int upTo) {
      LicenseState s = store.load();
      assertEquals(s.enforcementSince().size(), s.allocations().findAllocated(AllocationType.PMP).orElse(0),
          "a state is saved whole or not at all");
      Set<Integer> out = new TreeSet<>();
      for (String cluster : s.enforcementSince().keySet()) {
        int i = Integer.parseInt(cluster.substring(1));
        if (i <= upTo) {
          out.add(i);
        }
      }
      return out;
    }
  }
}
