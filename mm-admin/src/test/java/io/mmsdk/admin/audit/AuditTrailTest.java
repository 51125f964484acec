package io.mmsdk.admin.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.listen.Registration;
import io.mmsdk.common.store.DamagedRecord;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {
  private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
  private final SimulatedClock scheduler = SimulatedClock.startingAt(T0);

  @Test
  void record_fileStore_survivesRestartWithSequence(@TempDir Path dir) {
    Path file = dir.resolve("audit.log");
    AuditStore store = AuditStore.file(file);
    AuditTrail trail = AuditTrail.create(scheduler, store);
    trail.record("alice", "user.create", "bob", "role VIDEO_OPERATOR\ttags [x]\nsecond line");
    scheduler.advance(Duration.ofMinutes(1));
    trail.record("alice", "cluster.update", "c1", "renamed");
    store.close();

    AuditTrail reloaded = AuditTrail.create(scheduler, AuditStore.file(file));
    assertEquals(trail.events(), reloaded.events());
    AuditEvent third = reloaded.record("bob", "user.password", "bob", "changed own password");
    assertEquals(3, third.sequence());
    assertEquals(T0.plus(Duration.ofMinutes(1)), third.at());
  }

  @Test
  void load_truncatedLastLine_cutAndAppendsContinue(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.log");
    try (AuditStore store = AuditStore.file(file)) {
      AuditTrail.create(scheduler, store).record("alice", "a", "t", "d");
    }
    Files.writeString(file, "2\t2026-01-05T08:00:00Z\tal", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (AuditStore store = AuditStore.file(file)) {
      AuditTrail reopened = AuditTrail.create(scheduler, store);
      assertEquals(1, reopened.events().size());
      reopened.record("bob", "b", "t", "d");
      assertEquals(List.of(), store.damagedRecords());
    }
    try (AuditStore store = AuditStore.file(file)) {
      assertEquals(List.of(1L, 2L), seqs(store.load()));
    }
  }

  @Test
  void load_damagedLineInTheMiddle_reportedAndSkippedLaterLinesKept(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.log");
    try (AuditStore store = AuditStore.file(file)) {
      AuditTrail trail = AuditTrail.create(scheduler, store);
      for (int i = 1; i <= 5; i++) {
        trail.record("alice", "user.update", "u" + i, "change " + i);
      }
    }
    byte[] bytes = Files.readAllBytes(file);
    int secondLine = indexOf(bytes, (byte) '\n', 0) + 1;
    int target = indexOf(bytes, (byte) 'u', secondLine + 30);
    bytes[target] = (byte) 'v';
    Files.write(file, bytes);

    try (AuditStore store = AuditStore.file(file)) {
      assertEquals(List.of(1L, 3L, 4L, 5L), seqs(store.load()));
      assertEquals(1, store.damagedRecords().size());
      DamagedRecord d = store.damagedRecords().get(0);
      assertEquals(secondLine, d.offset());
      assertTrue(d.reason().contains("line 2") && d.reason().contains("checksum"), d.reason());
      AuditTrail trail = AuditTrail.create(scheduler, store);
      assertEquals(6, trail.record("bob", "b", "t", "d").sequence());
    }
  }

  @Test
  void load_lineWrittenBeforeChecksums_stillRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.log");
    Files.writeString(file, "1\t2026-01-05T08:00:00Z\talice\tuser.create\tbob\t#not a checksum\n"
        + "2\tnot-a-time\ta\tb\tc\td\n");
    try (AuditStore store = AuditStore.file(file)) {
      List<AuditEvent> events = store.load();
      assertEquals(List.of(1L), seqs(events));
      assertEquals("#not a checksum", events.get(0).detail());
      assertTrue(store.damagedRecords().get(0).reason().contains("line 2"));
    }
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("byte not found");
  }

  @Test
  void query_filters_combineAndLimitKeepsNewest() {
    AuditTrail trail = AuditTrail.inMemory(scheduler);
    trail.record("alice", "user.create", "bob", "");
    scheduler.advance(Duration.ofMinutes(1));
    trail.record("alice", "user.delete", "carol", "");
    scheduler.advance(Duration.ofMinutes(1));
    trail.record("bob", "cluster.add", "c1", "");
    scheduler.advance(Duration.ofMinutes(1));
    trail.record("alice", "user.update", "bob", "");

    assertEquals(List.of(1L, 2L, 4L), seqs(trail.query(AuditQuery.builder().actor("alice").build())));
    assertEquals(List.of(1L, 4L), seqs(trail.query(AuditQuery.builder().target("bob").build())));
    assertEquals(List.of(1L, 2L, 4L), seqs(trail.query(AuditQuery.builder().actionPrefix("user.").build())));
    assertEquals(List.of(2L, 3L), seqs(trail.query(AuditQuery.builder()
        .from(T0.plusSeconds(60)).until(T0.plusSeconds(180)).build())));
    assertEquals(List.of(2L, 4L), seqs(trail.query(AuditQuery.builder().actor("alice").limit(2).build())));
    assertEquals(4, trail.query(AuditQuery.all()).size());
    assertThrows(IllegalArgumentException.class, () -> AuditQuery.builder().from(T0).until(T0).build());
    assertThrows(IllegalArgumentException.class, () -> AuditQuery.builder().limit(0));
  }

  @Test
  void listener_newEvent_toldAfterStore() {
    AuditTrail trail = AuditTrail.inMemory(scheduler);
    List<Long> seen = new ArrayList<>();
    trail.addListener(e -> seen.add(e.sequence()));
    trail.record("a", "x", "t", "d");
    assertEquals(List.of(1L), seen);
  }

  @Test
  void listener_registrationClosed_toldNoMore() {
    AuditTrail trail = AuditTrail.inMemory(scheduler);
    List<Long> seen = new ArrayList<>();
    Registration r = trail.addListener(e -> seen.add(e.sequence()));
    trail.record("a", "x", "t", "d");
    r.close();
    trail.record("a", "x", "t", "d");
    assertEquals(List.of(1L), seen);
  }

  private static List<Long> seqs(List<AuditEvent> events) {
    return events.stream().map(AuditEvent::sequence).toList();
  }
}
