package io.mmsdk.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.time.Scheduler;
import io.mmsdk.testkit.core.SimulatedClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick start of docs/mm-cdr.md, kept compiling and working (plain HTTP on loopback). */
class DocsExampleTest {
  @Test
  void quickStart_postedBatch_deliveredToListener(@TempDir Path dir) throws Exception {
    Scheduler scheduler = SimulatedClock.startingAt(Instant.parse("2026-03-02T14:00:00Z"));
    String secret = "shared-secret";
    String clusterId = "london";
    List<String> printed = new CopyOnWriteArrayList<>();
    CdrPipeline pipeline = CdrPipeline.builder()
        .store(CdrJournal.builder(dir).scheduler(scheduler).build())
        .addListener(event -> {
          if (event instanceof CdrEvent.RecordReceived r) {
            printed.add(r.origin().clusterId() + " " + r.record().header().type());
          }
        })
        .build();
    CdrHttpServer server = CdrHttpServer.builder()
        .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .handler(CdrHandler.builder().sink(pipeline).token(secret).scheduler(scheduler).build())
        .start();
    URI receiverUri = URI.create(server.uri() + "?cluster=" + clusterId + "&token=" + secret);
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(receiverUri)
              .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes("two-bridges-a.xml")))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertTrue(pipeline.awaitDelivered(java.time.Duration.ofSeconds(30)));
      assertEquals(List.of("london callStart", "london callLegStart", "london callLegUpdate"),
          printed);
    } finally {
      server.close();
      pipeline.close();
    }
  }
}
