package io.mmsdk.cms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.core.CmsElement;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reply parser's bounds and failure mapping, with the JDK's StAX reader and with Aalto's. */
class XmlParserTest {
  static Stream<XmlParser> parsers() {
    return Stream.of(
        new XmlParser(XMLInputFactory.newDefaultFactory()),
        new XmlParser(new com.fasterxml.aalto.stax.InputFactoryImpl()));
  }

  private static InputStream utf8(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void read_controlCharacterInText_failureNotUnchecked(XmlParser parser) {
    XmlParser.Failure f = assertThrows(XmlParser.Failure.class,
        () -> parser.read(utf8("<coSpace id=\"a\">\n<name>Sa\u0001les</name></coSpace>")));

    assertTrue(f.getMessage().startsWith("the reply is not well-formed XML"), f.getMessage());
    assertEquals(false, f.wellFormed);
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void read_atMaxDepth_readAndOneDeeper_failureWithPath(XmlParser parser) throws Exception {
    int depth = XmlParser.MAX_DEPTH;
    CmsElement root = parser.read(utf8("<a>".repeat(depth) + "</a>".repeat(depth)));
    assertEquals("a", root.name());

    XmlParser.Failure f = assertThrows(XmlParser.Failure.class,
        () -> parser.read(utf8("<a>\n" + "<a>".repeat(depth) + "</a>".repeat(depth + 1))));

    assertTrue(f.getMessage().contains("deeper than 32 levels"), f.getMessage());
    assertEquals(String.join("/", java.util.Collections.nCopies(depth, "a")), f.path);
    assertEquals(2, f.line);
    assertTrue(f.column > 0);
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void read_tooManyNodes_failure(XmlParser parser) {
    String leaves = "<b/>".repeat(XmlParser.MAX_NODES / 2) + "<c x=\"1\" y=\"2\"/>".repeat(XmlParser.MAX_NODES / 6 + 1);

    XmlParser.Failure f = assertThrows(XmlParser.Failure.class, () -> parser.read(utf8("<list>" + leaves + "</list>")));

    assertTrue(f.getMessage().contains("more than 100000 elements and attributes"), f.getMessage());
    assertEquals("list", f.path);
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void read_longElementPath_failure(XmlParser parser) {
    String name = "n".repeat(300);

    XmlParser.Failure f = assertThrows(XmlParser.Failure.class,
        () -> parser.read(utf8("<" + name + "><" + name + "/></" + name + ">")));

    assertTrue(f.getMessage().contains("longer than 512 characters"), f.getMessage());
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void read_streamFails_sameIoExceptionNotParseFailure(XmlParser parser) {
    IOException timeout = new java.io.InterruptedIOException("timeout");
    InputStream failing = new SequenceInputStream(utf8("<coSpace id=\"a\"><name>Sa"), new InputStream() {
      @Override
      public int read() throws IOException {
        throw timeout;
      }
    });

    IOException e = assertThrows(IOException.class, () -> parser.read(failing));

    assertSame(timeout, e);
  }
}
