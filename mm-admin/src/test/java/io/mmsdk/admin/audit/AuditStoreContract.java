package io.mmsdk.admin.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmsdk.common.store.StoreContract;
import io.mmsdk.common.store.StoreProcessContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link AuditStore}, tested through the interface alone: subclass it once
 * per backend and supply {@link #open()}, {@link #damage(int)} and a {@link Driver}.
 */
public abstract class AuditStoreContract extends StoreContract<AuditStore> {
  private static final Instant T0 = Instant.parse("2026-01-05T08:00:00.5Z");

  /**
   * Damages, while the store is closed, the stored event appended as number {@code index} (0-based),
   * so that it can no longer be read back.
   */
  protected abstract void damage(int index) throws Exception;

  /** {@inheritDoc} The driver is a subclass of this contract's {@link Driver}. */
  @Override
  protected abstract Class<? extends Driver> processDriver();

  static AuditEvent event(long sequence) {
    return new AuditEvent(sequence, T0.plusSeconds(sequence), "alice", "user.update", "u" + sequence, "change " + sequence);
  }

  @Test
  void load_emptyStore_isEmptyWithNoDamage() {
    AuditStore store = reopen();
    assertEquals(List.of(), store.load());
    assertEquals(List.of(), store.damagedRecords());
  }

  @Test
  void append_thenReopen_keepsEveryEventExactlyInOrder() {
    AuditStore store = reopen();
    List<AuditEvent> events = List.of(
        new AuditEvent(1, T0, "alice", "user.create", "bob", "role VIDEO_OPERATOR\ttags [x]\nsecond line \\ end"),
        new AuditEvent(2, T0.plusNanos(1), "system", "cluster.update", "c\u00e9 1", ""),
        new AuditEvent(3, T0.plusSeconds(60), "b\tob", "user.password", "#", "#not a checksum"));
    events.forEach(store::append);
    assertEquals(events, store.load());
    assertEquals(events, reopen().load());
  }

  @Test
  void replaceAll_replacesTheWholeTrailDurably() {
    AuditStore store = reopen();
    for (long i = 1; i <= 5; i++) {
      store.append(event(i));
    }
    store.replaceAll(List.of(event(10), event(11)));
    assertEquals(List.of(event(10), event(11)), reopen().load());
    reopen().append(event(12));
    assertEquals(List.of(event(10), event(11), event(12)), reopen().load());
    reopen().replaceAll(List.of());
    assertEquals(List.of(), reopen().load());
  }

  @Test
  void badInput_isRejectedAndNothingStoredIsLost() {
    AuditStore store = reopen();
    store.append(event(1));
    assertThrows(NullPointerException.class, () -> store.append(null));
    assertThrows(NullPointerException.class, () -> store.replaceAll(null));
    assertEquals(List.of(event(1)), reopen().load());
  }

  @Test
  void afterClose_isRejected() {
    AuditStore store = reopen();
    store.close();
    store.close();
    assertThrows(IllegalStateException.class, store::load);
    assertThrows(IllegalStateException.class, () -> store.append(event(1)));
  }

  @Test
  void append_whileOthersLoad_everyLoadSeesAPrefixAndNothingDamaged() throws Exception {
    AuditStore store = reopen();
    int n = 100;
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      tasks.add(() -> {
        for (long i = 1; i <= n; i++) {
          store.append(event(i));
        }
        return null;
      });
      for (int r = 0; r < 2; r++) {
        tasks.add(() -> {
          for (int i = 0; i < 30; i++) {
            List<AuditEvent> seen = store.load();
            for (int k = 0; k < seen.size(); k++) {
              assertEquals(event(k + 1), seen.get(k));
            }
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
    assertEquals(n, reopen().load().size());
  }

  @Test
  void damage_oneEventInTheMiddle_reportedAndEveryOtherEventKept() throws Exception {
    AuditStore store = reopen();
    for (long i = 1; i <= 10; i++) {
      store.append(event(i));
    }
    closeStores();
    damage(4);
    AuditStore damaged = reopen();
    List<AuditEvent> expected = new ArrayList<>();
    for (long i = 1; i <= 10; i++) {
      if (i != 5) {
        expected.add(event(i));
      }
    }
    assertEquals(expected, damaged.load());
    assertEquals(1, damaged.damagedRecords().size(), damaged.damagedRecords().toString());
    assertFalse(damaged.damagedRecords().get(0).reason().isBlank());
    damaged.append(event(11));
    expected.add(event(11));
    assertEquals(expected, reopen().load(), "the store keeps working after damage");
  }

  /**
   * Drives an audit store for {@link StoreProcessContract}: record i is the event with sequence
   * i + 1. Subclasses open the backend; they need a public no-argument constructor.
   */
  public abstract static class Driver extends StoreContract.Driver<AuditStore> {
    private long lastLoaded;

    @Override
    public final void write(int i) {
      if (i + 1 <= lastLoaded) {
        return; // the crashed child stored it after its last acknowledgement
      }
      store.append(event(i + 1));
    }

    @Override
    public final Set<Integer> present(int upTo) {
      Set<Integer> out = new TreeSet<>();
      for (AuditEvent e : store.load()) {
        lastLoaded = Math.max(lastLoaded, e.sequence());
        if (e.sequence() - 1 <= upTo) {
          out.add((int) e.sequence() - 1);
        }
      }
      assertEquals(List.of(), store.damagedRecords(), "a crash must leave no damaged record, only a torn tail");
      return out;
    }
  }
}
