package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cdr.CdrHttpServer;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cdr.FailingCdrStore;
import io.mmsdk.cdr.SimulatedRest;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import java.net.InetSocketAddress;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two CDR receivers, each its own pipeline, store and connection pool (as two processes would
 * have), in front of one PostgreSQL. Every simulated Call Bridge has both receivers configured, so
 * each record reaches both; one receiver fails its first appends (the Call Bridge re-sends), and
 * the other is closed abruptly mid-stream (its server, pipeline and pool; the Call Bridge keeps
 * re-sending to its address) and started again on the same port. Afterwards the database holds
 * every record each bridge made exactly once, and no record was delivered live twice.
 */
class TwoReceiversOnePostgresTest {
  @RegisterExtension static final EmbeddedPostgresExtension PG = new EmbeddedPostgresExtension();
  private static final String TOKEN = "t0k";

  private final StoreDatabases databases = new StoreDatabases();
  /** Session|correlatorIndex of every record delivered live, by any receiver. */
  private final List<String> live = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> replayed = Collections.synchronizedSet(new HashSet<>());
  private final List<AutoCloseable> open = new ArrayList<>();
  private SimulatedCluster cms;

  /** One receiver: HTTP server, pipeline and a store on its own pool. */
  private final class Receiver implements AutoCloseable {
    final CdrPipeline pipeline;
    final CdrHttpServer server;

    Receiver(String url, int port, int failFirst) {
      FailingCdrStore store = new FailingCdrStore(JdbcCdrStore.builder(databases.open(
          () -> JdbcDatabase.builder(url).maxConnections(4).build())).scheduler(cms.clock()).build())
          .failNext(failFirst);
      pipeline = CdrPipeline.builder().store(store).addListener(this::record).build();
      server = CdrHttpServer.builder()
          .address(new InetSocketAddress("127.0.0.1", port))
          .handler(CdrHandler.builder().sink(pipeline).token(TOKEN).scheduler(cms.clock()).build())
          .start();
    }

    private void record(CdrEvent e) {
      if (e instanceof CdrEvent.RecordReceived r) {
        String key = r.session() + "|" + r.record().header().correlatorIndex();
        if (r.replayed()) {
          replayed.add(key);
        } else {
          live.add(key);
        }
      }
    }

    String uri() {
      return server.uri() + "?cluster=sim&token=" + TOKEN;
    }

    /** Stops abruptly: requests in flight are not acknowledged. */
    @Override
    public void close() {
      server.close();
      pipeline.close();
    }
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
    databases.close();
    if (cms != null) {
      cms.close();
    }
  }

  private Receiver receiver(String url, int port, int failFirst) {
    Receiver r = new Receiver(url, port, failFirst);
    open.add(r);
    return r;
  }

  @Test
  void twoReceivers_resendsAndOneKilledMidStream_everyRecordStoredOnceAndDeliveredOnce()
      throws Exception {
    cms = SimulatedCluster.start(ClusterOptions.builder().callBridges(2)
        .cdrRetryInterval(Duration.ofMillis(20)).build());
    String url = PG.newSchemaUrl();
    Receiver a = receiver(url, 0, 0);
    Receiver b = receiver(url, 0, 3);
    int portA = a.server.port();
    for (SimulatedCallBridge cb : cms.callBridges()) {
      addReceiver(cb, a.uri());
      addReceiver(cb, b.uri());
    }
    String space = createSpace("AllHands");
    List<String> legs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      SimulatedCallBridge cb = cms.callBridge(i % 2);
      legs.add(cb.join(space, "user" + i + "@example.com", "User " + i).id());
      if (i == 9) {
        // Both up: both receive the first records (the second fails its first appends).
        assertTrue(cms.awaitCdrDelivered(Duration.ofSeconds(60)), "first records not delivered");
      }
      if (i == 19) {
        a.close(); // mid-stream: the last joins' batches to it are in flight or queued
        open.remove(a);
      }
    }
    for (int i = 0; i < legs.size(); i += 3) {
      cms.callBridge(i % 2).leave(legs.get(i));
    }
    Receiver again = receiver(url, portA, 0);
    assertTrue(cms.awaitCdrDelivered(Duration.ofSeconds(60)), "CDRs not delivered to both");

    Set<String> made = new TreeSet<>();
    for (SimulatedCallBridge cb : cms.callBridges()) {
      for (long c = 0; c < cb.cdrRecordCount(); c++) {
        made.add(cb.cdrSession() + "|" + c);
      }
    }
    assertTrue(made.size() >= 2 * legs.size(), "records made: " + made.size());
    List<String> stored;
    try (JdbcDatabase db = JdbcDatabase.builder(url).build()) {
      stored = storedKeys(db);
    }
    assertEquals(made, new TreeSet<>(stored), "the database holds every record made");
    assertEquals(made.size(), stored.size(), "and each once");

    Map<String, Integer> counts = new HashMap<>();
    live.forEach(k -> counts.merge(k, 1, Integer::sum));
    counts.values().removeIf(n -> n == 1);
    assertEquals(Map.of(), counts, "records delivered live more than once");
    Set<String> delivered = new TreeSet<>(live);
    delivered.addAll(replayed);
    assertEquals(made, delivered, "every record delivered, live or by the restarted receiver's replay");
    assertTrue(!replayed.isEmpty(), "the restarted receiver replayed what was stored");
    assertTrue(b.pipeline.duplicatesDropped() + again.pipeline.duplicatesDropped() > 0,
        "records the other receiver stored first were dropped");
  }

  private static List<String> storedKeys(JdbcDatabase db) throws Exception {
    return db.withConnection(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT session, correlator_index FROM cdr_record");
          ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1) + "|" + rs.getLong(2));
        }
      }
      return out;
    });
  }

  private void addReceiver(SimulatedCallBridge cb, String uri) {
    assertEquals(200, SimulatedRest.send(cb, "POST", "system/cdrReceivers", Map.of("uri", uri))
        .statusCode());
  }

  private String createSpace(String name) {
    return SimulatedRest.createSpace(cms.callBridge(0), name);
  }
}
