package io.mmsdk.licensing;

import io.mmsdk.common.store.StoreDriver;
import io.mmsdk.common.store.StoreProcessContract;
import io.mmsdk.licensing.smart.SmartLicensingStatus;
import io.mmsdk.licensing.smart.SmartLicensingStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;

/** {@link StoreProcessContract} for the three mm-licensing stores. */
public class LicensingStoresProcessTest {

  /** The usage store: record i is a sample of host h1 at second i. */
  @Nested
  class Usage extends StoreProcessContract {
    @Override
    protected Class<? extends StoreDriver> driver() {
      return UsageDriver.class;
    }
  }

  /** The license state store: after record i the PMP allocation is i. */
  @Nested
  class State extends StoreProcessContract {
    @Override
    protected Class<? extends StoreDriver> driver() {
      return StateDriver.class;
    }
  }

  /** The Smart Licensing store: after record i the last renewal is at second i. */
  @Nested
  class Smart extends StoreProcessContract {
    @Override
    protected Class<? extends StoreDriver> driver() {
      return SmartDriver.class;
    }
  }

  /** Drives {@link UsageStore#file}. */
  public static final class UsageDriver implements StoreDriver {
    private UsageStore store;

    /** Creates a driver. */
    public UsageDriver() {}

    @Override
    public void open(Path dir) {
      store = UsageStore.file(dir);
    }

    @Override
    public void write(int i) {
      store.append(List.of(new UsageSample("h1", Instant.EPOCH.plusSeconds(i), new UsageValues(i, 0, 0, 1, 0, 0))));
    }

    @Override
    public Set<Integer> present(int upTo) {
      Set<Integer> out = new TreeSet<>();
      for (UsageSample s : store.samples(Instant.EPOCH, Instant.EPOCH.plusSeconds(upTo + 1L))) {
        out.add((int) s.time().getEpochSecond());
      }
      if (!store.damagedRecords().isEmpty()) {
        throw new AssertionError("a crash must leave no damaged record, only a torn tail: " + store.damagedRecords());
      }
      return out;
    }

    @Override
    public void close() {
      if (store != null) {
        store.close();
      }
    }
  }

  /** Drives {@link LicenseStateStore#file}; a whole-state store holds records 0..n after write(n). */
  public static final class StateDriver implements StoreDriver {
    private LicenseStateStore store;

    /** Creates a driver. */
    public StateDriver() {}

    @Override
    public void open(Path dir) {
      store = LicenseStateStore.file(dir);
    }

    @Override
    public void write(int i) {
      store.save(new LicenseState(LicensingMode.SMART, Allocations.builder().allocate(AllocationType.PMP, i).build(),
          List.of(), Map.of(), Map.of()));
    }

    @Override
    public Set<Integer> present(int upTo) {
      long n = store.load().allocations().findAllocated(AllocationType.PMP).orElse(-1L);
      return upToBoth(n, upTo);
    }

    @Override
    public void close() {
      if (store != null) {
        store.close();
      }
    }
  }

  /** Drives {@link SmartLicensingStore#file}. */
  public static final class SmartDriver implements StoreDriver {
    private SmartLicensingStore store;

    /** Creates a driver. */
    public SmartDriver() {}

    @Override
    public void open(Path dir) {
      store = SmartLicensingStore.file(dir);
    }

    @Override
    public void write(int i) {
      store.save(new SmartLicensingStatus(SmartLicensingStatus.Registration.REGISTERED,
          SmartLicensingStatus.Authorization.AUTHORIZED, Instant.EPOCH.plusSeconds(i), Instant.EPOCH, false));
    }

    @Override
    public Set<Integer> present(int upTo) {
      long n = store.load().findLastAuthorizationRenewal().map(Instant::getEpochSecond).orElse(-1L);
      return upToBoth(n, upTo);
    }

    @Override
    public void close() {
      if (store != null) {
        store.close();
      }
    }
  }

  private static Set<Integer> upToBoth(long n, int upTo) {
    Set<Integer> out = new TreeSet<>();
    for (int i = 0; i <= Math.min(n, upTo); i++) {
      out.add(i);
    }
    return out;
  }
}
