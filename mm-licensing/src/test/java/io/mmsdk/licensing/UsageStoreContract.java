package io.mmsdk.licensing;

import static io.mmsdk.licensing.Samples.smp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.store.StoreContract;
import io.mmsdk.common.store.StoreProcessContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The contract of every {@link UsageStore}, tested through the interface alone so that it holds for
 * each backend: subclass it once per backend and supply {@link #open()}, {@link #damage(int)} and a
 * {@link Driver} for the process cases.
 */
public abstract class UsageStoreContract extends StoreContract<UsageStore> {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");

  /**
   * Damages, while the store is closed, the stored sample that was appended as number {@code index}
   * (0-based; the test appends one sample per call), so that it can no longer be read back.
   */
  protected abstract void damage(int index) throws Exception;

  /** {@inheritDoc} The driver is a subclass of this contract's {@link Driver}. */
  @Override
  protected abstract Class<? extends Driver> processDriver();

  @Test
  void append_thenReopen_keepsEverySampleExactly() {
    List<UsageSample> s = List.of(
        Samples.all("h1", "2026-03-01T10:00:00Z", 1, 0.5, 0.25, 2, 1, 1),
        smp("h2", "2026-03-01T10:01:00.123456789Z", 0.333),
        smp("h\u00e9-3", "2026-03-01T10:02:00Z", 1e-9));
    assertEquals(3, reopen().append(s));
    UsageStore store = reopen();
    assertEquals(s, store.samples(FROM, TO));
    assertEquals(Optional.of(Instant.parse("2026-03-01T10:01:00.123456789Z")), store.findLatest("h2"));
    assertEquals(Optional.empty(), store.findLatest("h4"));
    assertEquals(3, store.size());
    assertEquals(List.of(), store.damagedRecords());
  }

  @Test
  void append_duplicateHostAndTime_isIgnoredWithinAndAcrossBatchesAndRestarts() {
    UsageStore store = reopen();
    assertEquals(1, store.append(List.of(smp("h1", "2026-03-01T10:00:00Z", 1))));
    assertEquals(0, store.append(List.of(smp("h1", "2026-03-01T10:00:00Z", 2))));
    assertEquals(1, store.append(List.of(smp("h1", "2026-03-01T10:05:00Z", 2),
        smp("h1", "2026-03-01T10:05:00Z", 2))));
    assertEquals(1, store.append(List.of(smp("h2", "2026-03-01T10:00:00Z", 5))), "another host, same time");
    assertEquals(0, reopen().append(List.of(smp("h1", "2026-03-01T10:00:00Z", 9))));
    UsageStore again = reopen();
    assertEquals(3, again.size());
    assertEquals(1.0, again.samples(FROM, TO).get(0).values().smpFull(), "the first value is kept");
  }

  @Test
  void samples_rangeIsHalfOpenAndSortedByTime() {
    UsageStore store = reopen();
    store.append(List.of(smp("h1", "2026-03-01T10:10:00Z", 3),
        smp("h1", "2026-03-01T10:00:00Z", 1), smp("h1", "2026-03-01T10:05:00Z", 2)));
    List<UsageSample> got = store.samples(Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:10:00Z"));
    assertEquals(List.of(1.0, 2.0), got.stream().map(s -> s.values().smpFull()).toList());
    assertEquals(List.of(), store.samples(TO, FROM), "an empty range");
  }

  @Test
  void prune_removesOlderSamplesDurablyAndKeepsTheRest() {
    UsageStore store = reopen();
    store.append(List.of(smp("h1", "2026-01-01T00:00:00Z", 1), smp("h1", "2026-04-01T00:00:00Z", 2)));
    assertEquals(1, store.prune(Instant.parse("2026-02-01T00:00:00Z")));
    assertEquals(0, store.prune(Instant.parse("2026-02-01T00:00:00Z")));
    store.append(List.of(smp("h1", "2026-04-01T00:05:00Z", 3)));
    UsageStore again = reopen();
    assertEquals(List.of(2.0, 3.0), again.samples(FROM, TO).stream().map(s -> s.values().smpFull()).toList());
    assertEquals(2, again.size());
  }

  @Test
  void badInput_isRejectedTypedAndNothingStoredIsLost() {
    UsageStore store = reopen();
    store.append(List.of(smp("h1", "2026-03-01T10:00:00Z", 1)));
    assertThrows(NullPointerException.class, () -> store.append(null));
    List<UsageSample> withNull = Arrays.asList(smp("h1", "2026-03-01T10:05:00Z", 2), null);
    assertThrows(NullPointerException.class, () -> store.append(withNull));
    UsageSample tooLong = new UsageSample("h".repeat(1025), Instant.parse("2026-03-01T10:05:00Z"),
        new UsageValues(0, 0, 0, 1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> store.append(List.of(smp("h1", "2026-03-01T10:10:00Z", 3), tooLong)));
    assertThrows(NullPointerException.class, () -> store.samples(null, TO));
    assertThrows(NullPointerException.class, () -> store.findLatest(null));
    assertThrows(NullPointerException.class, () -> store.prune(null));
    assertEquals(List.of(smp("h1", "2026-03-01T10:00:00Z", 1)), reopen().samples(FROM, TO),
        "a rejected batch stores nothing of itself and keeps everything before it");
  }

  @Test
  void append_afterClose_isRejected() {
    UsageStore store = reopen();
    store.close();
    store.close();
    assertThrows(IllegalStateException.class, () -> store.append(List.of(smp("h1", "2026-01-01T00:00:00Z", 1))));
  }

  @Test
  void append_concurrentCallers_everySampleStoredOnceAndCountedOnce() throws Exception {
    UsageStore store = reopen();
    int threads = 4;
    int perThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        tasks.add(() -> {
          int added = 0;
          for (int i = 0; i < perThread; i++) {
            // every thread also appends the shared sample i: only one of them may count it
            added += store.append(List.of(
                new UsageSample("t" + thread, Instant.EPOCH.plusSeconds(i), new UsageValues(i, 0, 0, 0, 0, 0)),
                new UsageSample("shared", Instant.EPOCH.plusSeconds(i), new UsageValues(i, 0, 0, 0, 0, 0))));
          }
          return added;
        });
      }
      int total = 0;
      for (Future<Integer> f : pool.invokeAll(tasks)) {
        total += f.get();
      }
      assertEquals(threads * perThread + perThread, total);
    } finally {
      pool.shutdownNow();
    }
    UsageStore again = reopen();
    assertEquals(threads * perThread + perThread, again.size());
    assertEquals(Optional.of(Instant.EPOCH.plusSeconds(perThread - 1)), again.findLatest("shared"));
  }

  @Test
  void damage_oneRecordInTheMiddle_reportedAndEveryOtherSampleKept() throws Exception {
    List<UsageSample> written = new ArrayList<>();
    UsageStore store = reopen();
    for (int i = 0; i < 20; i++) {
      UsageSample s = smp("h1", Instant.parse("2026-03-01T10:00:00Z").plusSeconds(300L * i).toString(), i);
      store.append(List.of(s));
      written.add(s);
    }
    store.close();
    damage(7);
    List<UsageSample> expected = new ArrayList<>(written);
    expected.remove(7);
    UsageStore damaged = reopen();
    assertEquals(expected, damaged.samples(FROM, TO));
    assertEquals(1, damaged.damagedRecords().size(), damaged.damagedRecords().toString());
    assertFalse(damaged.damagedRecords().get(0).reason().isBlank());
    damaged.append(List.of(smp("h1", "2026-04-01T00:00:00Z", 99)));
    assertEquals(20, reopen().size(), "the store keeps working after damage");
  }

  /**
   * Drives a usage store for {@link StoreProcessContract}: record i is a sample of host h1 at second
   * i. Subclasses open the backend; they need a public no-argument constructor.
   */
  public abstract static class Driver extends StoreContract.Driver<UsageStore> {
    @Override
    public final void write(int i) {
      store.append(List.of(new UsageSample("h1", Instant.EPOCH.plusSeconds(i), new UsageValues(i, 0, 0, 1, 0, 0))));
    }

    @Override
    public final Set<Integer> present(int upTo) {
      Set<Integer> out = new TreeSet<>();
      for (UsageSample s : store.samples(Instant.EPOCH, Instant.EPOCH.plusSeconds(upTo + 1L))) {
        out.add((int) s.time().getEpochSecond());
      }
      assertTrue(store.damagedRecords().isEmpty(),
          "a crash must leave no damaged record, only a torn tail: " + store.damagedRecords());
      return out;
    }
  }
}
