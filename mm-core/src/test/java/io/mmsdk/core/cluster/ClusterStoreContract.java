package io.mmsdk.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.store.StoreContract;
import io.mmsdk.common.store.StoreProcessContract;
import io.mmsdk.common.tls.TlsTrust;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link ClusterStore}, tested through the interface alone: subclass it once
 * per backend.
 */
public abstract class ClusterStoreContract extends StoreContract<ClusterStore> {
  private static final String PEM = new okhttp3.tls.HeldCertificate.Builder().certificateAuthority(0).build().certificatePem();

  /** Damages the saved clusters, while the store is closed, so that they can no longer be read. */
  protected abstract void damage() throws Exception;

  /** {@inheritDoc} The driver is a subclass of this contract's {@link Driver}. */
  @Override
  protected abstract Class<? extends Driver> processDriver();

  static List<Cluster> clusters(int n) {
    List<Cluster> out = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      out.add(Cluster.builder().id("c" + i).name("Cluster " + i).build());
    }
    return out;
  }

  private static List<Cluster> rich(Path dir) {
    CallBridge cb1 = CallBridge.builder().name("Lon=don: #1").address("[2001:db8::7]:8443")
        .credentials("api", "p=ss:w\u00f6rd\n#x")
        .trust(TlsTrust.pemCertificates(PEM).checkingRevocation()).build();
    CallBridge cb2 = CallBridge.builder().name("Oslo").address("10.1.1.1").credentials("api", "x")
        .trust(TlsTrust.insecureTrustAllForLabUseOnly()).build();
    Cluster c = Cluster.builder().name("Europe").manageMeetings(false).addCallBridge(cb1).addCallBridge(cb2).build();
    Cluster d = Cluster.builder().name("US").addCallBridge(CallBridge.builder().name("NY").address("ny.example.com")
        .credentials("a", "b").trust(TlsTrust.pemFile(dir.resolve("ca.pem"))).build()).build();
    return List.of(c, d);
  }

  @Test
  void load_nothingSaved_isEmpty() {
    assertEquals(List.of(), reopen().load());
  }

  @Test
  void save_thenReopen_keepsIdsOrderAndSettings(@org.junit.jupiter.api.io.TempDir Path pemDir) {
    List<Cluster> saved = rich(pemDir);
    reopen().save(saved);
    assertEquals(saved, reopen().load());
    reopen().save(saved.subList(1, 2));
    assertEquals(saved.subList(1, 2), reopen().load(), "a save replaces every cluster");
    reopen().save(List.of());
    assertEquals(List.of(), reopen().load());
  }

  @Test
  void badInput_isRejectedAndTheSavedClustersKept() {
    ClusterStore store = reopen();
    store.save(clusters(2));
    assertThrows(NullPointerException.class, () -> store.save(null));
    assertThrows(NullPointerException.class, () -> store.save(Arrays.asList(clusters(0).get(0), null)));
    assertEquals(clusters(2), reopen().load());
  }

  @Test
  void afterClose_isRejected() {
    assertRejectedAfterClose(ClusterStore::load, s -> s.save(List.of()));
  }

  @Test
  void save_concurrentCallers_loadAlwaysSeesOneWholeSave() throws Exception {
    ClusterStore store = reopen();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int thread = t;
        tasks.add(() -> {
          for (int i = 0; i < 15; i++) {
            store.save(clusters(thread * 15 + i));
          }
          return null;
        });
      }
      tasks.add(() -> {
        for (int i = 0; i < 30; i++) {
          List<Cluster> seen = store.load();
          if (!seen.isEmpty()) {
            assertEquals(clusters(seen.size() - 1), seen, "a load saw parts of two saves");
          }
        }
        return null;
      });
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(14, (reopen().load().size() - 1) % 15, "the last save of some caller wins");
  }

  @Test
  void damage_loadFailsTypedWithAdviceUntilSavedAgain() throws Exception {
    reopen().save(clusters(3));
    ClusterException e = assertDamageReportedOnEveryReopen(ClusterException.class, this::damage, ClusterStore::load);
    assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    reopen().save(clusters(1));
    assertEquals(clusters(1), reopen().load());
  }

  /**
   * Drives a cluster store for {@link StoreProcessContract}: write(i) loads the clusters, adds
   * cluster ci unless it is there and saves them (again if another process saved meanwhile). Subclasses open the
   * backend; they need a public no-argument constructor.
   */
  public abstract static class Driver extends StoreContract.Driver<ClusterStore> {
    @Override
    public final void write(int i) {
      retryOnConflict(() -> {
        List<Cluster> all = new ArrayList<>(store.load());
        if (all.stream().anyMatch(c -> c.id().equals("c" + i))) {
          return; // a killed writer stored it without acknowledging it
        }
        all.add(Cluster.builder().id("c" + i).name("Cluster " + i).build());
        store.save(all);
      });
    }

    @Override
    public final Set<Integer> present(int upTo) {
      Set<Integer> out = new TreeSet<>();
      for (Cluster c : store.load()) {
        int i = Integer.parseInt(c.id().substring(1));
        if (i <= upTo) {
          out.add(i);
        }
      }
      return out;
    }
  }
}
