package io.mmsdk.cdr;

import static io.mmsdk.cdr.Batches.callEnd;
import static io.mmsdk.cdr.Batches.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.SimulatedClock;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdrHandlerTest {
  private final List<ReceivedBatch> sunk = new ArrayList<>();
  private final SimulatedClock scheduler =
      SimulatedClock.startingAt(Instant.parse("2026-03-02T09:00:00Z"));

  private CdrHandler.Outcome post(CdrHandler h, String query, byte[] body) {
    return h.handle(query, new ByteArrayInputStream(body));
  }

  @Test
  void handle_validBatch_200AfterSinkWithClusterTags() {
    CdrHandler h = CdrHandler.builder().sink(sunk::add).scheduler(scheduler).build();
    CdrHandler.Outcome o = post(h, "cluster=london&dc=west%20wing",
        doc("s1", "cb1", callEnd(1, 1, "a"), callEnd(2, 2, "b")));
    assertEquals(200, o.statusCode());
    assertEquals(2, o.recordCount());
    assertEquals("london", sunk.get(0).origin().clusterId());
    assertEquals("west wing", sunk.get(0).origin().tags().get("dc"));
    assertEquals(scheduler.now(), sunk.get(0).receivedAt());
  }

  @Test
  void handle_malformed_400AndNothingSunk() {
    CdrHandler h = CdrHandler.builder().sink(sunk::add).build();
    CdrHandler.Outcome o = post(h, null, Fixtures.bytes("truncated.xml"));
    assertEquals(400, o.statusCode());
    assertTrue(o.message().startsWith("NOT_WELL_FORMED"), o.message());
    assertTrue(sunk.isEmpty());
    assertEquals(400, post(h, null, Fixtures.bytes("xxe.xml")).statusCode());
    assertEquals(400, post(h, null, Fixtures.bytes("billion-laughs.xml")).statusCode());
    assertTrue(sunk.isEmpty());
  }

  @Test
  void handle_halfBadBatch_nothingSunk() {
    CdrHandler h = CdrHandler.builder().sink(sunk::add).build();
    assertEquals(400, post(h, null, Fixtures.bytes("bad-index.xml")).statusCode());
    assertTrue(sunk.isEmpty());
  }

  @Test
  void handle_sinkFails_503() {
    CdrHandler h = CdrHandler.builder().sink(b -> {
      throw new CdrStoreException("disk full", null);
    }).build();
    assertEquals(503, post(h, null, doc("s1", null, callEnd(1, 1, "a"))).statusCode());
  }

  @Test
  void handle_token_checkedAndNeverInTags() {
    CdrHandler h = CdrHandler.builder().sink(sunk::add).token("s3cret-t0ken").build();
    byte[] body = doc("s1", null, callEnd(1, 1, "a"));
    CdrHandler.Outcome wrong = post(h, "cluster=c&token=nope", body);
    assertEquals(403, wrong.statusCode());
    assertFalse(wrong.message().contains("nope"));
    assertEquals(403, post(h, "cluster=c", body).statusCode());
    assertEquals(200, post(h, "cluster=c&token=s3cret-t0ken", body).statusCode());
    assertEquals(1, sunk.size());
    assertFalse(sunk.get(0).origin().tags().containsKey("token"));
  }

  @Test
  void handle_overSizeLimit_413() {
    CdrHandler h = CdrHandler.builder().sink(sunk::add)
        .parser(CdrParser.builder().maxBytes(64).build()).build();
    assertEquals(413, post(h, null, doc("s1", null, callEnd(1, 1, "a"))).statusCode());
  }
}
