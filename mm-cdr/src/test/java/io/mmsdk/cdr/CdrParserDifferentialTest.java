package io.mmsdk.cdr;

import static io.mmsdk.cdr.Batches.callEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The correctness argument for the default reader ({@link CdrXmlReader}): on every golden file,
 * every hostile document of the other parser tests, XML edge cases and the mutated documents of
 * {@link CdrParserFuzzTest}, it agrees with the parser on the JDK's StAX, the reference: equal
 * batches, or a {@link CdrParseException} of the same kind from both. The one place the two may
 * differ is named in {@link #knownDifference}.
 */
class CdrParserDifferentialTest {
  private static final CdrParser DEFAULT = CdrParser.create();
  private static final CdrParser JDK =
      CdrParser.builder().xmlInputFactory(XMLInputFactory.newDefaultFactory()).build();
  /** The reference without the {@code =} count, for {@link #knownDifference}. */
  private static final CdrParser JDK_UNBOUNDED_ATTRIBUTES = CdrParser.builder()
      .xmlInputFactory(XMLInputFactory.newDefaultFactory()).maxAttributes(Integer.MAX_VALUE)
      .build();
  private static final String ONE_RECORD = "<records session=\"s1\">" + callEnd(1, 1, "a")
      + "</records>";

  /** A batch, or the parse error. */
  private static Object outcome(CdrParser parser, byte[] xml, boolean isDefault) {
    try {
      return parser.parse(xml);
    } catch (CdrParseException e) {
      if (isDefault && e.getMessage().startsWith("the XML reader failed")) {
        fail("the default reader failed inside on "
            + new String(xml, StandardCharsets.ISO_8859_1), e);
      }
      return e;
    }
  }

  /** The batch, or the parse error's kind: what must be equal. */
  private static Object comparable(Object outcome) {
    return outcome instanceof CdrParseException e ? e.kind() : outcome;
  }

  /**
   * Why the two readers may legitimately disagree on {@code xml}, or null. Four cases:
   *
   * <ul>
   *   <li>XML 1.1 declared: the JDK reads such documents by the XML 1.1 rules (C0 control
   *       characters as references, NEL and LINE SEPARATOR as line ends, other name characters);
   *       mm-cdr's reader is an XML 1.0 reader and reads them by the 1.0 rules (as Aalto, the
   *       previous default, did for most of them). Call Bridges send 1.0.
   *   <li>A malformed document type declaration: both refuse the document. The JDK reads the
   *       declaration first and reports its syntax ({@code NOT_WELL_FORMED}); mm-cdr's reader
   *       refuses any declaration without reading it ({@code UNEXPECTED}, "document type
   *       declarations are not accepted"), which is also what both say for a well-formed one.
   *   <li>A pre-check's error after another error: on the StAX path the parser decodes the
   *       whole document, and counts {@code =} signs per tag, before the reader sees it, so a byte
   *       that does not decode or a (malformed) tag with too many {@code =} is reported whatever
   *       comes before it; mm-cdr's reader (as Aalto before it) reports the first error in
   *       document order. Checked: the default parser gives that same error for the bytes before
   *       the pre-check's spot, or (for the tag itself malformed) the JDK's reader without the
   *       {@code =} count says what the default parser says.
   * </ul>
   */
  private static String knownDifference(byte[] xml, Object mine, Object reference) {
    if (mine instanceof CdrParseException m && m.kind() == CdrParseException.Kind.NOT_WELL_FORMED
        && reference instanceof CdrParseException r && r.kind() != m.kind()) {
      int spot = offset(xml, m.line(), m.column());
      byte[] ended = java.util.Arrays.copyOf(xml, spot + 1);
      ended[spot] = '<';
      if (comparable(outcome(DEFAULT, ended, true)).equals(r.kind())) {
        return "not well-formed inside a long text";
      }
    }
    if (reference instanceof CdrParseException r && mine instanceof CdrParseException m) {
      // Where the StAX path's pre-check found its error: a bad byte, or a tag with many '='.
      java.util.regex.Matcher badByte =
          Pattern.compile("is not valid \\S+ at byte (\\d+)").matcher(r.getMessage());
      int spot = badByte.find() ? Integer.parseInt(badByte.group(1))
          : r.getMessage().startsWith("an element has more than")
              ? offset(xml, r.line(), r.column()) : -1;
      if (spot >= 0 && r.kind() == CdrParseException.Kind.LIMIT_EXCEEDED
          && comparable(outcome(JDK_UNBOUNDED_ATTRIBUTES, xml, false)).equals(m.kind())) {
        return "pre-check error after an earlier error";
      }
      if (spot >= 0) {
        // The bytes before the spot, and the same with a '<' ending a text cut there.
        byte[] ended = java.util.Arrays.copyOf(xml, spot + 1);
        ended[spot] = '<';
        for (byte[] prefix : new byte[][] {java.util.Arrays.copyOf(xml, spot), ended}) {
          if (outcome(DEFAULT, prefix, true) instanceof CdrParseException p
              && p.getMessage().equals(m.getMessage())) {
            return "pre-check error after an earlier error";
          }
        }
      }
    }
    String head = new String(xml, 0, Math.min(xml.length, 64), StandardCharsets.ISO_8859_1);
    if (head.contains("version=\"1.1\"") || head.contains("version='1.1'")) {
      return "XML 1.1 declared";
    }
    if (mine instanceof CdrParseException m && reference instanceof CdrParseException r
        && m.kind() == CdrParseException.Kind.UNEXPECTED
        && m.getMessage().startsWith("document type declarations are not accepted")
        && r.kind() == CdrParseException.Kind.NOT_WELL_FORMED) {
      return "malformed document type declaration";
    }
    return null;
  }

  /** The byte offset of a 1-based line and column (in characters) of UTF-8 {@code xml}. */
  private static int offset(byte[] xml, int line, int column) {
    int i = 0;
    for (int l = 1; l < line && i < xml.length; i++) {
      if (xml[i] == '\n') {
        l++;
      }
    }
    for (int c = 1; c < column && i < xml.length; c++) {
      do {
        i++;
      } while (i < xml.length && (xml[i] & 0xC0) == 0x80);
    }
    return Math.min(i, xml.length);
  }

  /** Asserts agreement; returns the named difference if there was one, else null. */
  private static String assertAgree(String what, byte[] xml) {
    Object mine = outcome(DEFAULT, xml, true);
    Object reference = outcome(JDK, xml, false);
    if (comparable(mine).equals(comparable(reference))) {
      return null;
    }
    String known = knownDifference(xml, mine, reference);
    if (known == null) {
      assertEquals(comparable(reference), comparable(mine), what + ": "
          + new String(xml, StandardCharsets.ISO_8859_1) + "\nmine: " + mine
          + "\nJDK: " + reference);
    }
    return known;
  }

  private static void assertAgree(String xml) {
    assertFalse(assertAgree(xml, xml.getBytes(StandardCharsets.UTF_8)) != null, xml);
  }

  @ParameterizedTest
  @ValueSource(strings = {"multi-record-batch", "recording-streaming", "unknown-content",
      "two-bridges-a", "two-bridges-b", "bad-index", "truncated", "xxe", "billion-laughs"})
  void parse_fixture_sameAsJdkStax(String name) {
    assertAgree(name, Fixtures.bytes(name + ".xml"));
  }

  @Test
  void parse_mutatedDocuments_sameAsJdkStax() {
    Random rnd = new Random(21L);
    byte[][] seeds = CdrParserFuzzTest.SEEDS.stream().map(Fixtures::bytes).toArray(byte[][]::new);
    int n = CdrParserFuzzTest.iterations() * 2;
    Map<String, Integer> named = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      byte[] input = CdrParserFuzzTest.mutate(rnd, seeds[rnd.nextInt(seeds.length)]);
      String known = assertAgree("mutated input " + i, input);
      if (known != null) {
        named.merge(known, 1, Integer::sum);
      }
    }
    System.out.printf("CDR parser differential fuzz: %d inputs, the rest identical; named"
        + " differences: %s%n", n, named);
  }

  static Stream<String> edgeCases() {
    String r = "<records session=\"s\">";
    String rec = "<record type=\"callStart\" time=\"2026-03-02T09:00:00Z\" recordIndex=\"1\""
        + " correlatorIndex=\"1\"><call id=\"c\">";
    String end = "</call></record></records>";
    return Stream.of(
        // declarations, prolog and epilog
        "", " ", "<!-- only a comment -->", "<?pi only?>", ONE_RECORD + "<!-- c --><?pi x?> \n",
        "<?xml version=\"1.0\"?>" + ONE_RECORD,
        "<?xml version='1.0' encoding='UTF-8'?>" + ONE_RECORD,
        "<?xml version=\"1.0\" standalone=\"yes\"?>" + ONE_RECORD,
        "<?xml version=\"1.0\" standalone=\"maybe\"?>" + ONE_RECORD,
        "<?xml version=\"1.0\"standalone=\"yes\"?>" + ONE_RECORD,
        "<?xml  version = '1.0' ?>" + ONE_RECORD, "<?xml version=\"1.2\"?>" + ONE_RECORD,
        "<?xml version=\"2.0\"?>" + ONE_RECORD, "<?xml encoding=\"UTF-8\"?>" + ONE_RECORD,
        "<?xml version=\"1.0\" encoding=\"\"?>" + ONE_RECORD,
        " <?xml version=\"1.0\"?>" + ONE_RECORD,
        "<?xml version=\"1.0\"?><?xml version=\"1.0\"?>" + ONE_RECORD, "<?XmL x?>" + ONE_RECORD,
        "<?xml-stylesheet href=\"a\"?>" + ONE_RECORD, "<?pi?>" + ONE_RECORD,
        "<?pi x?y?>" + ONE_RECORD, "<?pi\u0001?>" + ONE_RECORD,
        "<!DOCTYPE records>" + ONE_RECORD, "<!DOCTYPE records [<!ENTITY a \"b\">]>" + ONE_RECORD,
        "<!DOCTYPE records [ <!ENTITY", ONE_RECORD + "<!DOCTYPE records>",
        ONE_RECORD + "x", ONE_RECORD + ONE_RECORD, ONE_RECORD + "<![CDATA[x]]>",
        "x" + ONE_RECORD, "\uFEFF" + ONE_RECORD, "\uFEFF\uFEFF" + ONE_RECORD,
        // tags and attributes
        "<records session=\"s\"></record>", "<records session=\"s\"><a></b></records>",
        "<records session=\"s\" session=\"t\"/>", "<records session=\"s\"session2=\"t\"/>",
        "<records session = \"s\" />", "<records session/>", "<records session=s/>",
        "<records session=\"a<b\"/>", "<records session=\"a>b\"/>",
        "<records session=\" a\tb\r\nc\rd\ne \"><extension x=\" a\tb\r\nc \"/></records>",
        "<records session=\"&#9;a&#10;&#13;&#x20;\"><x a=\"&#9;&#10;&#13;\"/></records>",
        "<records session=\"&lt;&gt;&amp;&apos;&quot;\"/>", "<records session=\"&unknown;\"/>",
        "<records session='\"'><x a=\"'\" b='&quot;'/></records>",
        "<records session=\"s\" xmlns:a=\"urn:a\" a:x=\"1\"><a:b/><x:y xmlns:x=\"\"/></records>",
        "<records session=\"s\"><x a:x=\"1\" b:y=\"2\" xmlns=\"urn\"/></records>",
        "<records session=\"s\"><:a/><a:/><a.b-c_d/><_x/></records>",
        "<records session=\"s\"><x" + attributes(20) + " a7=\"again\"/></records>",
        "<records session=\"s\"><x" + attributes(20) + " b=\"\"/></records>",
        "<records session=\"s\"><1a/></records>", "<records session=\"s\"><-a/></records>",
        "<records session=\"s\"><a /><a\t/><a\n></a ></records>",
        "<records session=\"s\"><a/ ></records>",
        "<records session=\"s\"><\u00e9l\u00e8ve \u00e0=\"\u00fc\"/></records>",
        "<records session=\"s\"><a\u00b7b/><\u00b7a/></records>",
        "<records session=\"s\"><\u4e2d\u6587 \u5c5e\u6027=\"\u503c\">\u6587\u5b57</\u4e2d\u6587>"
            + "</records>",
        "<records session=\"s\"><a\u0300/><\u0300a/></records>",
        // text
        r + rec + "<name>a&amp;b&lt;c&gt;d&apos;e&quot;f</name>" + end,
        r + rec + "<name>a&#65;&#x42;&#x1F600;&#xe9;</name>" + end,
        r + rec + "<name>&#0;</name>" + end, r + rec + "<name>&#x1;</name>" + end,
        r + rec + "<name>&#xFFFE;</name>" + end, r + rec + "<name>&#xD800;</name>" + end,
        r + rec + "<name>&#x110000;</name>" + end, r + rec + "<name>&#99999999999;</name>" + end,
        r + rec + "<name>&#;</name>" + end, r + rec + "<name>&#x;</name>" + end,
        r + rec + "<name>&#12a;</name>" + end, r + rec + "<name>&#X41;</name>" + end,
        r + rec + "<name>&lt</name>" + end, r + rec + "<name>& </name>" + end,
        r + rec + "<name>&x;</name>" + end, r + rec + "<name>a]]>b</name>" + end,
        r + rec + "<name>a]]b]>c]</name>" + end, r + rec + "<name>a\r\nb\rc\n\rd</name>" + end,
        r + rec + "<name>x<![CDATA[<y>&amp;]]]]>z</name>" + end,
        r + rec + "<name><![CDATA[a\r\nb]]></name>" + end,
        r + rec + "<name><![CDATA[x</name>" + end,
        r + rec + "<name>a<!-- c -->b<?pi?>c</name>" + end,
        r + rec + "<name><!-- a -- b --></name>" + end,
        r + rec + "<name><!-- a ---></name>" + end, r + rec + "<name><!----></name>" + end,
        r + rec + "<name>\u0001</name>" + end, r + rec + "<name>\u007f\u0085\u00a0</name>" + end,
        r + rec + "<name>\u2028\uFEFF\uFFFD\uD83D\uDE00</name>" + end,
        r + rec + "<name>\uFFFE</name>" + end, r + rec + "<name><![CDATA[\uFFFF]]></name>" + end,
        r + rec + "<name>a<!DOCTYPE x>b</name>" + end, r + rec + "<name>a<!x>b</name>" + end,
        r + " \n<![CDATA[ ]]>\t" + rec + end, r + "<![CDATA[x]]>" + rec + end,
        r + rec + "</call><call id=\"d\"></call></record></records>",
        r + "<record type=\"callEnd\" time=\"2026-03-02T09:00:00Z\" recordIndex=\"1\""
            + " correlatorIndex=\"1\"><call id=\"c\"><durationSeconds> 1&#50; </durationSeconds>"
            + "<endpointRecorded><![CDATA[true]]></endpointRecorded>"
            + "<callLegsCompleted>1<!-- c -->2</callLegsCompleted></call></record></records>",
        r + "<record type=\"callEnd\" time=\"2026-03-02T09:00:00Z\" recordIndex=\"&#49;\""
            + " correlatorIndex=\" 1 \"><call id=\"c\"/></record></records>");
  }

  /** {@code n} distinct attributes {@code a0="v"}..., past the pairwise duplicate check. */
  private static String attributes(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(" a").append(i).append("=\"v").append(i).append('"');
    }
    return sb.toString();
  }

  @ParameterizedTest
  @MethodSource("edgeCases")
  void parse_xmlEdgeCase_sameAsJdkStax(String xml) {
    assertAgree(xml);
  }

  @Test
  void parse_byteLevelEdgeCases_sameAsJdkStax() {
    String r = "<records session=\"";
    String e = "\"/>";
    byte[][] values = {
        {(byte) 0xC3}, {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80,
        (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90,
        (byte) 0x80, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
        {(byte) 0xEF, (byte) 0xBF, (byte) 0xBE}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, {(byte) 0x80}, {0x00}, {0x7F}};
    for (byte[] v : values) {
      byte[] xml = concat(r.getBytes(StandardCharsets.US_ASCII), v,
          e.getBytes(StandardCharsets.US_ASCII));
      assertEquals(null, assertAgree("attribute bytes", xml));
      byte[] text = concat("<records session=\"s\"><x>".getBytes(StandardCharsets.US_ASCII), v,
          "</x></records>".getBytes(StandardCharsets.US_ASCII));
      assertEquals(null, assertAgree("text bytes", text));
    }
    // single-byte encodings: ISO-8859-1 maps every byte, US-ASCII none above 0x7F
    for (String enc : new String[] {"ISO-8859-1", "US-ASCII"}) {
      byte[] xml = concat(("<?xml version=\"1.0\" encoding=\"" + enc + "\"?><records session=\"")
          .getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9, (byte) 0x85},
          "\"><\u00e9/></records>".getBytes(StandardCharsets.ISO_8859_1));
      assertEquals(null, assertAgree(enc, xml));
    }
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  static Stream<String> hostileDocuments() {
    StringBuilder attributes =
        new StringBuilder("<records session=\"s1\"><record type=\"callEnd\"");
    StringBuilder namespaces = new StringBuilder("<records session=\"s1\"");
    for (int i = 0; i < 2_000; i++) {
      attributes.append(" a").append(i).append("=\"v\"");
      namespaces.append(" xmlns:p").append(i).append("='urn:").append(i).append('\'');
    }
    StringBuilder unknown = new StringBuilder("<records session=\"s1\">" + callEnd(1, 1, "a")
        + "<record type=\"callEnd\" time=\"2026-03-02T09:00:00Z\" recordIndex=\"2\""
        + " correlatorIndex=\"2\"><call id=\"b\">");
    unknown.append("<u/>".repeat(50_001)).append("</call></record></records>");
    return Stream.of(attributes + "/></records>", namespaces + "/>", unknown.toString(),
        "<records session=\"s1\">" + "<futureRecord/>".repeat(10_001) + "</records>",
        "<records session=\"s\">" + "<a>".repeat(50) + "</a>".repeat(50) + "</records>",
        "<records session=\"s\"><record type=\"callStart\" time=\"2026-03-02T09:00:00Z\""
            + " recordIndex=\"1\" correlatorIndex=\"1\"><call id=\"c\"><name>"
            + "x".repeat(200_000) + "</name></call></record></records>",
        "<records session=\"s\"><x><![CDATA[" + "y".repeat(70_000) + "]]></x></records>",
        "<records session=\"s\"><x a=\"" + "&amp;".repeat(70_000) + "\"/></records>",
        "<records session=\"s\">" + "<!-- c -->".repeat(10_000) + "</records>",
        "<html><body/></html>", "<records/>", "<records session=\"s\"><extra></records>",
        "<records session=\"s\"/>");
  }

  @ParameterizedTest
  @MethodSource("hostileDocuments")
  void parse_hostileDocument_sameAsJdkStax(String xml) {
    assertAgree(xml.length() > 60 ? xml.substring(0, 60) : xml,
        xml.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-16BE", "IBM037", "UTF-32"})
  void parse_foreignEncoding_sameAsJdkStax(String charset) {
    byte[] xml = ("<?xml version=\"1.0\" encoding=\"" + charset + "\"?>" + ONE_RECORD)
        .getBytes(Charset.forName(charset));
    assertAgree(charset, xml);
  }

  @Test
  void parse_attributeFlood_limitExceededWithPathAndLocation() {
    StringBuilder xml = new StringBuilder("<records session=\"s1\">\n<x");
    for (int i = 0; i < 100; i++) {
      xml.append(" a").append(i).append("=\"v\"");
    }
    xml.append("/></records>");
    CdrParseException e = org.junit.jupiter.api.Assertions.assertThrows(CdrParseException.class,
        () -> DEFAULT.parse(xml.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(CdrParseException.Kind.LIMIT_EXCEEDED, e.kind());
    assertEquals("/records", e.elementPath());
    assertEquals(2, e.line());
    assertTrue(e.column() > 64 * 6, "column " + e.column());
  }
}
