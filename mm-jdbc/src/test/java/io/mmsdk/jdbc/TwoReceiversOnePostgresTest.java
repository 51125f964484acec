package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cdr.CdrHttpServer;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cdr.CdrRecord;
import io.mmsdk.cdr.CdrStore;
import io.mmsdk.cdr.CdrStoreException;
import io.mmsdk.cdr.ReceivedBatch;
import io.mmsdk.testkit.ClusterOptions;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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

  private final HttpClient http = HttpClient.newHttpClient();
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

    Receiver(String url, int port, AtomicInteger failFirst) {
      JdbcCdrStore jdbc = JdbcCdrStore.builder(databases.open(() -> JdbcDatabase.builder(url)
          .maxConnections(4).build())).scheduler(cms.clock()).build();
      CdrStore store = new CdrStore() {
        @Override
        public List<CdrRecord> append(ReceivedBatch batch) {
          if (failFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new CdrStoreException("simulated database outage", null);
          }
          return jdbc.append(batch);
        }

        @Override
        public void replay(Consumer<ReceivedBatch> consumer) {
          jdbc.replay(consumer);
        }

        @Override
        public void close() {
          jdbc.close();
        }
      };
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

  private Receiver receiver(String url, int port, AtomicInteger failFirst) {
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
    Receiver a = receiver(url, 0, new AtomicInteger());
    Receiver b = receiver(url, 0, new AtomicInteger(3));
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
    Receiver again = receiver(url, portA, new AtomicInteger());
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
    assertEquals(200, api(cb, "POST", "system/cdrReceivers", Map.of("uri", uri)).statusCode());
  }

  private String createSpace(String name) {
    HttpResponse<String> r = api(cms.callBridge(0), "POST", "coSpaces", Map.of("name", name));
    String location = r.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private HttpResponse<String> api(SimulatedCallBridge cb, String method, String path,
      Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
        .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    String auth = Base64.getEncoder().encodeToString(
        (cms.apiUsername() + ":" + cms.apiPassword()).getBytes(StandardCharsets.UTF_8));
    try {
      return http.send(HttpRequest.newBuilder(URI.create(cb.baseUrl() + "/api/v1/" + path))
              .header("Authorization", "Basic " + auth)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .method(method, HttpRequest.BodyPublishers.ofString(body.toString())).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("API call failed: " + method + " " + path, e);
    }
  }
}
