package io.mmsdk.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CdrParseException.Kind;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The golden files and hostile inputs through the parser on the JDK's StAX (the non-default). */
class CdrParserJdkStaxTest {
  private final CdrParser byDefault = CdrParser.create();
  private final CdrParser jdk =
      CdrParser.builder().xmlInputFactory(XMLInputFactory.newDefaultFactory()).build();

  @ParameterizedTest
  @ValueSource(strings = {"multi-record-batch", "recording-streaming", "unknown-content",
      "two-bridges-a", "two-bridges-b"})
  void parse_goldenFixture_sameRecordsAsDefault(String name) {
    byte[] xml = Fixtures.bytes(name + ".xml");
    assertEquals(byDefault.parse(xml), jdk.parse(xml));
  }

  @Test
  void parse_goldenFixture_matchesExpected() {
    assertEquals(Fixtures.text("multi-record-batch.expected"),
        Fixtures.render(jdk.parse(Fixtures.bytes("multi-record-batch.xml"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"xxe.xml", "billion-laughs.xml"})
  void parse_hostile_refusedAsDocumentType(String name) {
    CdrParseException e =
        assertThrows(CdrParseException.class, () -> jdk.parse(Fixtures.bytes(name)));
    assertEquals(Kind.UNEXPECTED, e.kind());
    assertTrue(e.getMessage().contains("document type"), e.getMessage());
    assertFalse(e.getMessage().contains("root:"), e.getMessage());
    assertFalse(e.getMessage().contains("lollol"), e.getMessage());
  }

  @Test
  void parse_truncated_notWellFormedWithPath() {
    CdrParseException e =
        assertThrows(CdrParseException.class, () -> jdk.parse(Fixtures.bytes("truncated.xml")));
    assertEquals(Kind.NOT_WELL_FORMED, e.kind());
    assertEquals("/records/record[1]/call/name", e.elementPath());
  }
}
