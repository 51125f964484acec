package io.mmsdk.examples.demo;

import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cdr.CdrHttpServer;
import io.mmsdk.cdr.CdrListener;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.jdbc.JdbcCdrStore;
import io.mmsdk.jdbc.JdbcDatabase;
import io.mmsdk.meetings.CdrReceiverInstaller;
import io.mmsdk.meetings.MeetingTracker;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Step: start the CDR receiver (the embedded default store, a SQLite database; pipeline, meeting
 * tracker, HTTP server on loopback) and install it on every Call Bridge of the cluster.
 */
final class CdrStep implements AutoCloseable {
  final MeetingTracker tracker;
  private final JdbcDatabase database;
  private final CdrPipeline pipeline;
  private final CdrHttpServer server;

  private CdrStep(MeetingTracker tracker, JdbcDatabase database, CdrPipeline pipeline,
      CdrHttpServer server) {
    this.tracker = tracker;
    this.database = database;
    this.pipeline = pipeline;
    this.server = server;
  }

  /** Starts the receiver; {@code extra} also gets every CDR event (the demo feeds blast dial). */
  static CdrStep run(Progress progress, Scheduler scheduler, ClusterRegistry registry, Cluster cluster,
      Path dataDirectory, CdrListener extra) {
    progress.step("Install the CDR receiver (mm-cdr) on the Call Bridges");
    MeetingTracker tracker = MeetingTracker.builder().scheduler(scheduler).build();
    JdbcDatabase database = JdbcDatabase.sqlite(dataDirectory.resolve("mm-sdk.db"));
    CdrPipeline pipeline = CdrPipeline.builder()
        .store(JdbcCdrStore.builder(database).scheduler(scheduler).build())
        .addListener(tracker)
        .addListener(extra)
        .build();
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    CdrHttpServer server = CdrHttpServer.builder()
        .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .handler(CdrHandler.builder().sink(pipeline).token(token).scheduler(scheduler).build())
        .start();
    CdrStep step = new CdrStep(tracker, database, pipeline, server);
    URI receiver = URI.create(server.uri() + "?cluster=" + cluster.id() + "&token=" + token);
    CdrReceiverInstaller installer = CdrReceiverInstaller.create(receiver);
    progress.line("receiver listening at %s, CDRs committed to %s before they are acknowledged", server.uri(), database.productName());
    for (CallBridge bridge : cluster.callBridges()) {
      try (CmsClient client = registry.client(bridge.id())) {
        CdrReceiverInstaller.Installation installation = installer.install(client);
        progress.line("%s: %s (entry %s)", bridge.name(), installation.action(), installation.receiverId());
      }
    }
    return step;
  }

  /** The pipeline the receiver feeds. */
  CdrPipeline pipeline() {
    return pipeline;
  }

  /** Records delivered to listeners so far. */
  long recordsDelivered() {
    return pipeline.recordsDelivered();
  }

  @Override
  public void close() {
    server.close();
    pipeline.close();
    database.close();
    tracker.close();
  }
}
