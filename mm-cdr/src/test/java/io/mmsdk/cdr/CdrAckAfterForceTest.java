package io.mmsdk.cdr;

import static io.mmsdk.cdr.Batches.callEnd;
import static io.mmsdk.cdr.Batches.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole receive path acknowledges a batch only after the journal force that covers it. */
class CdrAckAfterForceTest {

  @Test
  void post_concurrentBridges_answeredOnlyAfterTheForceCoveringTheirBatch(@TempDir Path dir)
      throws Exception {
    CountDownLatch firstForceEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger forces = new AtomicInteger();
    CdrJournal.Syncer holdFirst = ch -> {
      if (forces.incrementAndGet() == 1) {
        firstForceEntered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      ch.force(false);
    };
    List<String> delivered = new CopyOnWriteArrayList<>();
    CdrJournal journal = CdrJournal.builder(dir).syncer(holdFirst).build();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (CdrPipeline pipeline = CdrPipeline.builder().store(journal).addListener(e -> {
          if (e instanceof CdrEvent.RecordReceived r) {
            delivered.add(((CallEnd) r.record()).callId());
          }
        }).build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline).build()).start()) {
      URI uri = URI.create(server.uri() + "?cluster=london");
      CompletableFuture<HttpResponse<Void>> first = post(client, uri, "s1", "first");
      firstForceEntered.await();
      int behind = 3;
      List<CompletableFuture<HttpResponse<Void>>> rest = new CopyOnWriteArrayList<>();
      for (int i = 0; i < behind; i++) {
        rest.add(post(client, uri, "s" + (i + 2), "b" + i));
      }
      while (journal.awaitingForce() < behind) {
        Thread.onSpinWait(); // each batch is written and waits for a force
      }
      assertFalse(first.isDone(), "answered before its force completed");
      for (var f : rest) {
        assertFalse(f.isDone(), "answered before a force covered the batch");
      }
      assertEquals(List.of(), delivered, "delivered before it was durable");
      release.countDown();
      assertEquals(200, first.get().statusCode());
      for (var f : rest) {
        assertEquals(200, f.get().statusCode());
      }
      assertEquals(2, forces.get(), "the batches written behind the first force share the next");
      assertTrue(pipeline.awaitDelivered(Duration.ofSeconds(30)));
      assertEquals(1 + behind, delivered.size());
    }
  }

  private static CompletableFuture<HttpResponse<Void>> post(HttpClient client, URI uri,
      String session, String callId) {
    return client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(doc(session, "cb-" + session,
            callEnd(1, 1, callId)))).build(), HttpResponse.BodyHandlers.discarding());
  }
}
