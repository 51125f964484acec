package io.mmsdk.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CdrParseException.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CdrParserTest {
  private final CdrParser parser = CdrParser.create();

  @ParameterizedTest
  @ValueSource(strings = {"multi-record-batch", "recording-streaming", "unknown-content"})
  void parse_goldenFixture_matchesExpected(String name) {
    CdrBatch batch = parser.parse(Fixtures.bytes(name + ".xml"));
    assertEquals(Fixtures.text(name + ".expected"), Fixtures.render(batch));
  }

  @Test
  void parse_multiRecordBatch_typedRecordsInOrder() {
    CdrBatch batch = parser.parse(Fixtures.bytes("multi-record-batch.xml"));
    assertEquals("11111111-aaaa-4bbb-8ccc-000000000001", batch.session());
    assertEquals("cb000001-0000-4000-8000-00000000b001", batch.callBridge());
    List<CdrRecord> r = batch.records();
    assertEquals(6, r.size());
    CallLegStart start = assertInstanceOf(CallLegStart.class, r.get(0));
    assertNull(start.callId(), "leg starts before its call");
    assertTrue(start.ivr());
    assertEquals(Instant.parse("2026-03-02T09:00:01Z"), start.header().time());
    assertEquals(40, start.header().correlatorIndex());
    CallStart call = assertInstanceOf(CallStart.class, r.get(2));
    assertEquals("Weekly Review", call.name(), "text is trimmed");
    assertNull(call.ownerName());
    CallLegUpdate connected = assertInstanceOf(CallLegUpdate.class, r.get(3));
    assertEquals("connected", connected.state());
    assertEquals(Boolean.FALSE, connected.deactivated());
    CallLegEnd end = assertInstanceOf(CallLegEnd.class, r.get(4));
    assertEquals(3, end.alarms().size());
    assertEquals(new CallLegEnd.Alarm("highRoundTripTime", 3.0), end.alarms().get(2));
    assertEquals(3900L, end.activatedDuration());
    assertEquals(12.5, end.mediaUsagePercentages().presentationViewer());
    assertEquals(0.25, end.rxAudio().packetLossBursts().duration());
    assertEquals(1080, end.rxVideo().maxSizeHeight());
    assertTrue(end.unknownElements().isEmpty());
    CallEnd callEnd = assertInstanceOf(CallEnd.class, r.get(5));
    assertEquals(3901L, callEnd.durationSeconds());
  }

  @Test
  void parse_unknownTypeAndElements_keptAsRawData() {
    CdrBatch batch = parser.parse(Fixtures.bytes("unknown-content.xml"));
    UnknownRecord unknown = assertInstanceOf(UnknownRecord.class, batch.records().get(0));
    assertEquals(4, unknown.header().numPreceedingRecordsMissing());
    RawElement meeting = unknown.unknownElements().get(0);
    assertEquals("3", meeting.findChild("attendees").orElseThrow().attributes().get("count"));
    CallLegEnd end = assertInstanceOf(CallLegEnd.class, batch.records().get(1));
    assertEquals("quantumDecoherence", end.reason(), "unknown enum values stay strings");
    assertEquals("holographicMedia", end.unknownElements().get(0).name());
    assertEquals("x@y", end.sipCallId());
    assertEquals("extension", batch.unknownElements().get(0).name());
  }

  @Test
  void parse_recorderUriSpelling_acceptedAsRecorderUrl() {
    CdrBatch batch = parser.parse(Fixtures.bytes("recording-streaming.xml"));
    RecordingStart rec = assertInstanceOf(RecordingStart.class, batch.records().get(0));
    assertEquals("https://recorder.example.org:8443", rec.recorderUrl());
    assertEquals("recordings/space001/2026-03-02", rec.path());
    assertNull(batch.callBridge());
  }

  @Test
  void parse_xxe_rejectedWithoutReadingFile() {
    CdrParseException e =
        assertThrows(CdrParseException.class, () -> parser.parse(Fixtures.bytes("xxe.xml")));
    assertEquals(Kind.UNEXPECTED, e.kind());
    assertFalse(e.getMessage().contains("root:"), e.getMessage());
    assertTrue(e.getMessage().contains("document type"), e.getMessage());
  }

  @Test
  void parse_billionLaughs_rejected() {
    CdrParseException e =
        assertThrows(
            CdrParseException.class, () -> parser.parse(Fixtures.bytes("billion-laughs.xml")));
    assertEquals(Kind.UNEXPECTED, e.kind());
  }

  @Test
  void parse_truncated_notWellFormedWithLocation() {
    CdrParseException e =
        assertThrows(CdrParseException.class, () -> parser.parse(Fixtures.bytes("truncated.xml")));
    assertEquals(Kind.NOT_WELL_FORMED, e.kind());
    assertTrue(e.line() >= 3, "line " + e.line());
    assertEquals("/records/record[1]/call/name", e.elementPath());
  }

  @Test
  void parse_badRecordIndex_unexpectedWithPathAndLine() {
    CdrParseException e =
        assertThrows(CdrParseException.class, () -> parser.parse(Fixtures.bytes("bad-index.xml")));
    assertEquals(Kind.UNEXPECTED, e.kind());
    assertEquals("/records/record[2]", e.elementPath());
    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("recordIndex=\"two\""), e.getMessage());
  }

  @Test
  void parse_hugeText_limitExceeded() {
    String big = "x".repeat(200_000);
    byte[] xml = ("<records session=\"s\"><record type=\"callStart\" time=\"2026-03-02T09:00:00Z\""
            + " recordIndex=\"1\" correlatorIndex=\"1\"><call id=\"c\"><name>" + big
            + "</name></call></record></records>").getBytes(StandardCharsets.UTF_8);
    CdrParseException e = assertThrows(CdrParseException.class, () -> parser.parse(xml));
    assertEquals(Kind.LIMIT_EXCEEDED, e.kind());
  }

  @Test
  void parse_streamOverByteLimit_limitExceeded() {
    CdrParser small = CdrParser.builder().maxBytes(100).build();
    byte[] xml = Fixtures.bytes("multi-record-batch.xml");
    CdrParseException e =
        assertThrows(CdrParseException.class, () -> small.parse(new ByteArrayInputStream(xml)));
    assertEquals(Kind.LIMIT_EXCEEDED, e.kind());
    assertEquals(Kind.LIMIT_EXCEEDED,
        assertThrows(CdrParseException.class, () -> small.parse(xml)).kind());
  }

  @Test
  void parse_deepNesting_limitExceeded() {
    String open = "<a>".repeat(50);
    String close = "</a>".repeat(50);
    byte[] xml = ("<records session=\"s\">" + open + close + "</records>")
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(Kind.LIMIT_EXCEEDED,
        assertThrows(CdrParseException.class, () -> parser.parse(xml)).kind());
  }

  @Test
  void parse_wrongRoot_unexpected() {
    byte[] xml = "<html><body/></html>".getBytes(StandardCharsets.UTF_8);
    CdrParseException e = assertThrows(CdrParseException.class, () -> parser.parse(xml));
    assertEquals(Kind.UNEXPECTED, e.kind());
    assertEquals("/html", e.elementPath());
  }

  @Test
  void parse_missingSession_unexpected() {
    byte[] xml = "<records/>".getBytes(StandardCharsets.UTF_8);
    assertEquals(Kind.UNEXPECTED,
        assertThrows(CdrParseException.class, () -> parser.parse(xml)).kind());
  }

  @Test
  void parse_knownTypeWithoutBody_unexpected() {
    byte[] xml = ("<records session=\"s\"><record type=\"callEnd\" time=\"2026-03-02T09:00:00Z\""
        + " recordIndex=\"1\" correlatorIndex=\"1\"/></records>").getBytes(StandardCharsets.UTF_8);
    CdrParseException e = assertThrows(CdrParseException.class, () -> parser.parse(xml));
    assertEquals(Kind.UNEXPECTED, e.kind());
    assertTrue(e.getMessage().contains("<call id"), e.getMessage());
  }

  @Test
  void parse_mismatchedTags_notWellFormed() {
    byte[] xml = "<records session=\"s\"><extra></records>".getBytes(StandardCharsets.UTF_8);
    assertEquals(Kind.NOT_WELL_FORMED,
        assertThrows(CdrParseException.class, () -> parser.parse(xml)).kind());
  }

  @Test
  void parse_emptyBatch_noRecords() {
    CdrBatch b = parser.parse("<records session=\"s\"/>".getBytes(StandardCharsets.UTF_8));
    assertEquals(0, b.records().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-02T09:00:00+01:00", "2026-03-02T08:00:00.000Z"})
  void parse_timeWithOffsetOrFraction_sameInstant(String time) {
    byte[] xml = ("<records session=\"s\"><record type=\"callEnd\" time=\"" + time
        + "\" recordIndex=\"1\" correlatorIndex=\"1\"><call id=\"c\"/></record></records>")
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(Instant.parse("2026-03-02T08:00:00Z"),
        parser.parse(xml).records().get(0).header().time());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-13-02T09:00:00Z", "2026-02-30T09:00:00Z", "yesterday"})
  void parse_badTime_unexpected(String time) {
    byte[] xml = ("<records session=\"s\"><record type=\"callEnd\" time=\"" + time
        + "\" recordIndex=\"1\" correlatorIndex=\"1\"><call id=\"c\"/></record></records>")
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(Kind.UNEXPECTED,
        assertThrows(CdrParseException.class, () -> parser.parse(xml)).kind());
  }
}
