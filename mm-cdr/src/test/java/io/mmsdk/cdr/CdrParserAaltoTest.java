package io.mmsdk.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import io.mmsdk.cdr.CdrParseException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same golden files and hostile inputs through the parser running on Aalto's StAX. */
class CdrParserAaltoTest {
  private final CdrParser jdk = CdrParser.create();
  private final CdrParser aalto =
      CdrParser.builder().xmlInputFactory(new InputFactoryImpl()).build();

  @ParameterizedTest
  @ValueSource(strings = {"multi-record-batch", "recording-streaming", "unknown-content",
      "two-bridges-a", "two-bridges-b"})
  void parse_goldenFixture_sameRecordsAsJdk(String name) {
    byte[] xml = Fixtures.bytes(name + ".xml");
    assertEquals(jdk.parse(xml), aalto.parse(xml));
  }

  @ParameterizedTest
  @ValueSource(strings = {"xxe.xml", "billion-laughs.xml"})
  void parse_hostile_refused(String name) {
    CdrParseException e =
        assertThrows(CdrParseException.class, () -> aalto.parse(Fixtures.bytes(name)));
    assertFalse(e.getMessage().contains("root:"), e.getMessage());
    assertFalse(e.getMessage().contains("lollol"), e.getMessage());
  }

  @Test
  void parse_truncated_notWellFormed() {
    assertEquals(Kind.NOT_WELL_FORMED, assertThrows(CdrParseException.class,
        () -> aalto.parse(Fixtures.bytes("truncated.xml"))).kind());
  }
}
