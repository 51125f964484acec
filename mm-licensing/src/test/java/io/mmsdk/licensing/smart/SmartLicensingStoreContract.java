package io.mmsdk.licensing.smart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.store.StoreContract;
import io.mmsdk.common.store.StoreProcessContract;
import io.mmsdk.licensing.AllocationType;
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
 * The contract of every {@link SmartLicensingStore}, tested through the interface alone: subclass
 * it once per backend.
 */
public abstract class SmartLicensingStoreContract extends StoreContract<SmartLicensingStore> {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00.123Z");

  /** Damages the saved status, while the store is closed, so that it can no longer be read. */
  protected abstract void damage() throws Exception;

  /** {@inheritDoc} The driver is a subclass of this contract's {@link Driver}. */
  @Override
  protected abstract Class<? extends Driver> processDriver();

  @Test
  void load_nothingSaved_isUnregistered() {
    assertEquals(SmartLicensingStatus.UNREGISTERED, reopen().load());
  }

  @Test
  void save_thenReopen_roundTripsEveryShape() {
    List<SmartLicensingStatus> shapes = List.of(
        new SmartLicensingStatus(SmartLicensingStatus.Registration.REGISTERED,
            SmartLicensingStatus.Authorization.AUTHORIZED, T, T.minusSeconds(60), true),
        new SmartLicensingStatus(SmartLicensingStatus.Registration.REGISTERED_LICENSE_RESERVATION,
            SmartLicensingStatus.Authorization.AUTHORIZED, null, T, false,
            Reservation.specific(Map.of(AllocationType.SMP, 7L, AllocationType.PMP, 0L))),
        new SmartLicensingStatus(SmartLicensingStatus.Registration.REGISTERED_LICENSE_RESERVATION,
            SmartLicensingStatus.Authorization.AUTHORIZED, null, null, false, Reservation.universal()),
        SmartLicensingStatus.UNREGISTERED);
    for (SmartLicensingStatus s : shapes) {
      reopen().save(s);
      assertEquals(s, reopen().load());
    }
  }

  @Test
  void badInput_isRejectedAndTheSavedStatusKept() {
    SmartLicensingStore store = reopen();
    SmartLicensingStatus s = new SmartLicensingStatus(SmartLicensingStatus.Registration.REGISTERED,
        SmartLicensingStatus.Authorization.AUTHORIZED, T, T, false);
    store.save(s);
    assertThrows(NullPointerException.class, () -> store.save(null));
    assertEquals(s, reopen().load());
  }

  @Test
  void afterClose_isRejected() {
    assertRejectedAfterClose(SmartLicensingStore::load, s -> s.save(SmartLicensingStatus.UNREGISTERED));
  }

  @Test
  void save_concurrentCallers_lastSaveOfSomeCallerWins() throws Exception {
    SmartLicensingStore store = reopen();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        tasks.add(() -> {
          for (int i = 0; i < 25; i++) {
            store.save(renewedAt(thread * 1000 + i));
            store.load();
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
    long last = reopen().load().findLastAuthorizationRenewal().orElseThrow().getEpochSecond();
    assertEquals(24, last % 1000);
  }

  private static SmartLicensingStatus renewedAt(long second) {
    return new SmartLicensingStatus(SmartLicensingStatus.Registration.REGISTERED,
        SmartLicensingStatus.Authorization.AUTHORIZED, Instant.EPOCH.plusSeconds(second), Instant.EPOCH, false);
  }

  @Test
  void damage_loadFailsTypedWithAdviceUntilSavedAgain() throws Exception {
    reopen().save(renewedAt(5));
    SmartLicensingException e = assertDamageReportedOnEveryReopen(SmartLicensingException.class, this::damage, SmartLicensingStore::load);
    assertTrue(e.getMessage().contains("register again"), e.getMessage());
    reopen().save(renewedAt(6));
    assertEquals(renewedAt(6), reopen().load());
  }

  /**
   * Drives a Smart Licensing store for {@link StoreProcessContract}: the status is one value, so
   * record i is present while the last renewal is at second i or later; write(i) loads the status
   * and saves a renewal at second i unless a later one is saved (again if another process saved
   * meanwhile). Subclasses open the backend; they need a public no-argument constructor.
   */
  public abstract static class Driver extends StoreContract.Driver<SmartLicensingStore> {
    @Override
    public final void write(int i) {
      retryOnConflict(() -> {
        long last = store.load().findLastAuthorizationRenewal().map(Instant::getEpochSecond).orElse(-1L);
        if (last < i) {
          store.save(renewedAt(i));
        }
      });
    }

    @Override
    public final Set<Integer> present(int upTo) {
      long n = store.load().findLastAuthorizationRenewal().map(Instant::getEpochSecond).orElse(-1L);
      Set<Integer> out = new TreeSet<>();
      for (int i = 0; i <= Math.min(n, upTo); i++) {
        out.add(i);
      }
      return out;
    }
  }
}
