package io.mmsdk.cdr;

import static io.mmsdk.cdr.Batches.callEnd;
import static io.mmsdk.cdr.Batches.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CdrParseException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile documents under the size limit: encodings, attribute floods, unknown-element floods. */
class CdrParserLimitsTest {
  private static final String ONE_RECORD = "<records session=\"s1\">"
      + callEnd(1, 1, "a") + "</records>";

  static Stream<Arguments> readers() {
    return Stream.of(
        Arguments.of("default", CdrParser.create()),
        Arguments.of("jdk",
            CdrParser.builder().xmlInputFactory(XMLInputFactory.newDefaultFactory()).build()));
  }

  static Stream<Arguments> foreignEncodings() {
    Stream.Builder<Arguments> out = Stream.builder();
    String[][] encodings = {
        {"UTF-16", "UTF-16"}, {"UTF-16LE", "UTF-16LE"}, {"UTF-16BE", "UTF-16BE"},
        {"IBM037", "IBM037"}, {"IBM1047", "IBM1047"}, {"UTF-32", "UTF-32"}};
    readers().forEach(r -> {
      for (String[] e : encodings) {
        out.add(Arguments.of(r.get()[0], r.get()[1], e[0], e[1]));
      }
    });
    return out.build();
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("foreignEncodings")
  void parse_nonUtf8Document_typedErrorNamingTheEncoding(String reader, CdrParser parser,
      String declared, String charset) {
    byte[] xml = ("<?xml version=\"1.0\" encoding=\"" + declared + "\"?>" + ONE_RECORD)
        .getBytes(Charset.forName(charset));
    CdrParseException e = assertThrows(CdrParseException.class, () -> parser.parse(xml));
    assertEquals(Kind.UNEXPECTED, e.kind());
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readers")
  void parse_utf8DeclaredOrPlain_accepted(String reader, CdrParser parser) {
    for (String decl : new String[] {"", "<?xml version=\"1.0\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version='1.0' encoding='us-ascii'?>",
        "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>"}) {
      assertEquals(1, parser.parse((decl + ONE_RECORD).getBytes(StandardCharsets.UTF_8))
          .records().size(), decl);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readers")
  void parse_attributeFlood_limitExceeded(String reader, CdrParser parser) {
    StringBuilder sb = new StringBuilder("<records session=\"s1\"><record type=\"callEnd\"");
    for (int i = 0; i < 2_000; i++) {
      sb.append(" a").append(i).append("=\"v\"");
    }
    sb.append("/></records>");
    CdrParseException e = assertThrows(CdrParseException.class,
        () -> parser.parse(sb.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(Kind.LIMIT_EXCEEDED, e.kind());
    assertTrue(e.getMessage().contains("attributes"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readers")
  void parse_namespaceDeclarationFlood_limitExceeded(String reader, CdrParser parser) {
    StringBuilder sb = new StringBuilder("<records session=\"s1\"");
    for (int i = 0; i < 2_000; i++) {
      sb.append(" xmlns:p").append(i).append("='urn:").append(i).append('\'');
    }
    sb.append("/>");
    CdrParseException e = assertThrows(CdrParseException.class,
        () -> parser.parse(sb.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(Kind.LIMIT_EXCEEDED, e.kind());
  }

  @Test
  void parse_attributeLikeTextInCommentsAndValues_notCounted() {
    StringBuilder junk = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      junk.append(" a").append(i).append("=\"v\"");
    }
    String xml = "<!--" + junk + "--><records session=\"s1\" callBridge=\"" + junk.toString()
        .replace('"', '\'') + "\">" + callEnd(1, 1, "a") + "<x><![CDATA[<y" + junk
        + "/>]]></x><?pi " + junk + "?></records>";
    CdrBatch b = CdrParser.create().parse(xml.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, b.records().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readers")
  void parse_unknownElementFlood_limitExceeded(String reader, CdrParser parser) {
    StringBuilder sb = new StringBuilder("<records session=\"s1\">" + callEnd(1, 1, "a")
        + "<record type=\"callEnd\" time=\"2026-03-02T09:00:00Z\" recordIndex=\"2\""
        + " correlatorIndex=\"2\"><call id=\"b\">");
    for (int i = 0; i < 50_001; i++) {
      sb.append("<u/>");
    }
    sb.append("</call></record></records>");
    CdrParseException e = assertThrows(CdrParseException.class,
        () -> parser.parse(sb.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(Kind.LIMIT_EXCEEDED, e.kind());
    assertTrue(e.getMessage().contains("unknown elements"), e.getMessage());
  }

  @Test
  void parse_unknownTopLevelElements_countTowardMaxRecords() {
    CdrParser parser = CdrParser.builder().maxRecords(10).build();
    StringBuilder sb = new StringBuilder("<records session=\"s1\">");
    for (int i = 0; i < 11; i++) {
      sb.append("<futureRecord/>");
    }
    sb.append("</records>");
    CdrParseException e = assertThrows(CdrParseException.class,
        () -> parser.parse(sb.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(Kind.LIMIT_EXCEEDED, e.kind());
    assertTrue(e.getMessage().contains("10"), e.getMessage());
  }

  @Test
  void parse_malformedUtf8OnJdkReader_nothingPrintedToStderr() {
    CdrParser jdk =
        CdrParser.builder().xmlInputFactory(XMLInputFactory.newDefaultFactory()).build();
    byte[] xml = doc("s1", null, callEnd(1, 1, "a"));
    xml[xml.length - 20] = (byte) 0xC3; // a lone lead byte inside the call id
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      CdrParseException e = assertThrows(CdrParseException.class, () -> jdk.parse(xml));
      assertEquals(Kind.NOT_WELL_FORMED, e.kind());
    } finally {
      System.setErr(saved);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
  }
}
