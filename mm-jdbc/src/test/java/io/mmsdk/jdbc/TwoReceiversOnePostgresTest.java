package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cdr.CdrHttpServer;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cdr.FailingCdrStore;
import io.mmsdk.cdr.SimulatedRest;
import io.mmsdk.common.store.ChildJvm;
import io.mmsdk.common.store.ChildJvms;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import java.net.InetSocketAddress;
import java.net.URI;
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
 * Two CDR receivers in front of one PostgreSQL: one in this JVM, the other a process of its own
 * ({@link CdrReceiverChild}). Every simulated Call Bridge has both receivers configured, so each
 * record reaches both; the receiver in this JVM fails its first appends (the Call Bridge re-sends),
 * and the child is killed with SIGKILL mid-stream (the Call Bridge keeps re-sending to its
 * address) and started again as a new process on the same port. Afterwards the database holds
 * every record each bridge made exactly once, and no record was delivered live twice.
 */
class TwoReceiversOnePostgresTest {
  @RegisterExtension static final EmbeddedPostgresExtension PG = new EmbeddedPostgresExtension();
  private static final String TOKEN = "t0k";

  private final StoreDatabases databases = new StoreDatabases();
  /** Session|correlatorIndex of every record delivered live, by any receiver. */
  private final List<String> live = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> replayed = Collections.synchronizedSet(new HashSet<>());
  @RegisterExtension final ChildJvms children = new ChildJvms();
  private SimulatedCluster cms;
  private CdrPipeline pipeline;
  private CdrHttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (pipeline != null) {
      pipeline.close();
    }
    databases.close();
    if (cms != null) {
      cms.close();
    }
  }

  /**
   * Starts the receiver in this JVM, failing its first {@code failFirst} appends. It runs on the
   * system clock, as the child does: on the simulated cluster's clock its records would be stamped
   * long ago, and the child's retention purge would delete them when it opens the store.
   */
  private String startReceiverHere(String url, int failFirst) {
    FailingCdrStore store = new FailingCdrStore(JdbcCdrStore.create(databases.open(
        () -> JdbcDatabase.builder(url).maxConnections(4).build()))).failNext(failFirst);
    pipeline = CdrPipeline.builder().store(store).addListener(e -> {
      if (e instanceof CdrEvent.RecordReceived r) {
        String key = r.session() + "|" + r.record().header().correlatorIndex();
        (r.replayed() ? replayed : live).add(key);
      }
    }).build();
    server = CdrHttpServer.builder()
        .address(new InetSocketAddress("127.0.0.1", 0))
        .handler(CdrHandler.builder().sink(pipeline).token(TOKEN).build())
        .start();
    return server.uri() + "?cluster=sim&token=" + TOKEN;
  }

  /**
   * Starts a {@link CdrReceiverChild} on {@code port} (0: a free one), takes in its replay and
   * returns it once it printed {@code READY}.
   */
  private Child startReceiverChild(String url, int port) throws Exception {
    ChildJvm child = children.start(CdrReceiverChild.class, List.of("-Xmx96m"),
        List.of(url, Integer.toString(port), TOKEN));
    String line = child.readLine(ChildJvm.TIMEOUT);
    for (; !line.startsWith("READY "); line = child.readLine(ChildJvm.TIMEOUT)) {
      take(child, line);
    }
    return new Child(child, line.substring(6));
  }

  /** A receiver process and the URI to register on Call Bridges. */
  private record Child(ChildJvm jvm, String uri) {}

  /** Records one line a child printed: a record it delivered live or replayed. */
  private void take(ChildJvm child, String line) {
    if (line.startsWith("LIVE ")) {
      live.add(line.substring(5));
    } else if (line.startsWith("REPLAYED ")) {
      replayed.add(line.substring(9));
    } else {
      throw new AssertionError("unexpected line from the receiver: " + line + child.output());
    }
  }

  /**
   * Takes in what a running child delivered so far and returns its duplicate count: its answer to
   * {@code STATS} comes after every line it printed before.
   */
  private long drain(ChildJvm child) throws InterruptedException {
    child.send("STATS");
    for (String line = child.readLine(ChildJvm.TIMEOUT); ; line = child.readLine(ChildJvm.TIMEOUT)) {
      if (line.startsWith("STATS ")) {
        return Long.parseLong(line.substring(6));
      }
      take(child, line);
    }
  }

  @Test
  void twoReceivers_resendsAndOneKilledMidStream_everyRecordStoredOnceAndDeliveredOnce()
      throws Exception {
    cms = SimulatedCluster.start(ClusterOptions.builder().callBridges(2)
        .cdrRetryInterval(Duration.ofMillis(20)).build());
    String url = PG.newSchemaUrl();
    Child first = startReceiverChild(url, 0);
    String here = startReceiverHere(url, 3);
    for (SimulatedCallBridge cb : cms.callBridges()) {
      addReceiver(cb, first.uri());
      addReceiver(cb, here);
    }
    String space = createSpace("AllHands");
    List<String> legs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      SimulatedCallBridge cb = cms.callBridge(i % 2);
      legs.add(cb.join(space, "user" + i + "@example.com", "User " + i).id());
      if (i == 9) {
        // Both up: both receive the first records (the one here fails its first appends).
        assertTrue(cms.awaitCdrDelivered(Duration.ofSeconds(60)), "first records not delivered");
      }
      if (i == 19) {
        // Mid-stream: the last joins' batches to the child are in flight or queued.
        first.jvm().kill();
        first.jvm().remainingLines().forEach(line -> take(first.jvm(), line));
      }
    }
    for (int i = 0; i < legs.size(); i += 3) {
      cms.callBridge(i % 2).leave(legs.get(i));
    }
    Child again = startReceiverChild(url, URI.create(first.uri()).getPort());
    assertTrue(cms.awaitCdrDelivered(Duration.ofSeconds(60)), "CDRs not delivered to both");
    assertTrue(pipeline.awaitDelivered(Duration.ofSeconds(60)), "CDRs not handed to the listener");
    long againDuplicates = drain(again.jvm());

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
    assertTrue(pipeline.duplicatesDropped() + againDuplicates > 0,
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
