package io.mmsdk.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CdrParseException.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbers and booleans read in place (Aalto, byte array) must equal the String conversions (JDK
 * StAX, input stream), for plain values and for the odd forms that take the slow path.
 */
class CdrParserValuesTest {
  private static final CdrParser DEFAULT = CdrParser.create();
  private static final CdrParser JDK =
      CdrParser.builder().xmlInputFactory(XMLInputFactory.newDefaultFactory()).build();

  static Stream<CdrParser> parsers() {
    return Stream.of(DEFAULT, JDK);
  }

  private static byte[] legEnd(String duration, String teardown, String viewer, String width,
      String recordIndex) {
    return ("<records session=\"s\"><record type=\"callLegEnd\" time=\"2026-03-02T09:00:00Z\""
        + " recordIndex=\"" + recordIndex + "\" correlatorIndex=\"7\"><callLeg id=\"l\">"
        + "<durationSeconds>" + duration + "</durationSeconds>"
        + "<remoteTeardown>" + teardown + "</remoteTeardown>"
        + "<mediaUsagePercentages><mainVideoViewer>" + viewer + "</mainVideoViewer>"
        + "</mediaUsagePercentages><rxVideo><maxSizeWidth>" + width + "</maxSizeWidth></rxVideo>"
        + "</callLeg></record></records>").getBytes(StandardCharsets.UTF_8);
  }

  private static CallLegEnd parse(CdrParser p, byte[] xml, boolean stream) {
    CdrBatch b = stream ? p.parse(new ByteArrayInputStream(xml)) : p.parse(xml);
    return assertInstanceOf(CallLegEnd.class, b.records().get(0));
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void parse_plainAndOddForms_sameValuesAsStringConversion(CdrParser p) {
    List<String[]> cases = List.of(
        new String[] {"3912", "true", "99.9", "1280", "42"},
        new String[] {" 3912\n", "TRUE", "0.01", "007", " 42 "},
        new String[] {"0", "True", "1e2", "1920", "9223372036854775807"},
        new String[] {"000000000000000000003", "false", "100", "720", "0"},
        new String[] {"123456789012345678", "no", "12345.678901234567", "2147483647", "+5"},
        new String[] {"-4", " false ", ".5", "-1", "00042"});
    for (String[] c : cases) {
      byte[] xml = legEnd(c[0], c[1], c[2], c[3], c[4]);
      for (boolean stream : new boolean[] {false, true}) {
        CallLegEnd e = parse(p, xml, stream);
        String what = String.join("|", c) + " stream=" + stream;
        assertEquals(Long.parseLong(c[0].trim()), e.durationSeconds(), what);
        assertEquals("true".equalsIgnoreCase(c[1].trim()), e.remoteTeardown(), what);
        assertEquals(Double.parseDouble(c[2].trim()),
            e.mediaUsagePercentages().mainVideoViewer(), what);
        assertEquals(Integer.parseInt(c[3].trim()), e.rxVideo().maxSizeWidth(), what);
        assertEquals(Long.parseLong(c[4].trim()), e.header().recordIndex(), what);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void parse_badNumbers_unexpectedNamingTheValue(CdrParser p) {
    CdrParseException e = assertThrows(CdrParseException.class,
        () -> p.parse(legEnd("99999999999999999999", "true", "1", "1", "1")));
    assertEquals(Kind.UNEXPECTED, e.kind());
    assertTrue(e.getMessage().contains("99999999999999999999"), e.getMessage());
    e = assertThrows(CdrParseException.class,
        () -> p.parse(legEnd("1", "true", "lots", "1", "1")));
    assertTrue(e.getMessage().contains("lots"), e.getMessage());
    e = assertThrows(CdrParseException.class,
        () -> p.parse(legEnd("1", "true", "1", "wide", "1")));
    assertTrue(e.getMessage().contains("wide"), e.getMessage());
    e = assertThrows(CdrParseException.class,
        () -> p.parse(legEnd("1", "true", "1", "1", "-3")));
    assertTrue(e.getMessage().contains("recordIndex=\"-3\""), e.getMessage());
  }

  @Test
  void parse_scalarWithChildElement_keptAsUnknown() {
    byte[] xml = ("<records session=\"s\"><record type=\"callEnd\" time=\"2026-03-02T09:00:00Z\""
        + " recordIndex=\"1\" correlatorIndex=\"1\"><call id=\"c\"><durationSeconds>12<x/>"
        + "</durationSeconds></call></record></records>").getBytes(StandardCharsets.UTF_8);
    for (CdrParser p : List.of(DEFAULT, JDK)) {
      CallEnd end = assertInstanceOf(CallEnd.class, p.parse(xml).records().get(0));
      assertEquals(null, end.durationSeconds());
      assertEquals("durationSeconds", end.unknownElements().get(0).name());
      assertEquals("12", end.unknownElements().get(0).text());
    }
  }
}
