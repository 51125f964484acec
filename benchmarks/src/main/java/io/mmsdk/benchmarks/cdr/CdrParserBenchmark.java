package io.mmsdk.benchmarks.cdr;

import io.mmsdk.cdr.CdrBatch;
import io.mmsdk.cdr.CdrParser;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.io.Stax2ByteArraySource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Typed CDR parsing against raw scans of the same 100-record batch on one thread. Scores are
 * records per second (each invocation handles one batch of {@value #RECORDS} records). The raw
 * scans and the DOM walk touch every element name, attribute value and text, so the typed parser is
 * compared with the least work any parser of these bytes must do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CdrParserBenchmark {
  static final int RECORDS = 100;

  private byte[] xml;
  private CdrParser parser;
  private CdrParser jdkParser;
  private XMLInputFactory jdkStax;
  private XMLInputFactory aaltoStax;
  private DocumentBuilder dom;

  /** Builds the batch and the parsers. */
  @Setup
  public void setUp() throws Exception {
    xml = CdrSamples.batch("11111111-aaaa-4bbb-8ccc-000000000001", 1000, RECORDS);
    parser = CdrParser.create();
    jdkParser = CdrParser.builder().xmlInputFactory(XMLInputFactory.newDefaultFactory()).build();
    jdkStax = harden(XMLInputFactory.newDefaultFactory());
    aaltoStax = harden(new com.fasterxml.aalto.stax.InputFactoryImpl());
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setExpandEntityReferences(false);
    dom = f.newDocumentBuilder();
    if (parser.parse(xml).records().size() != RECORDS
        || !parser.parse(xml).equals(jdkParser.parse(xml))) {
      throw new IllegalStateException("sample batch does not parse to " + RECORDS + " records");
    }
  }

  private static XMLInputFactory harden(XMLInputFactory f) {
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    return f;
  }

  /** mm-cdr's typed parser as configured by default (its own XML reader): bytes to records. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public CdrBatch typedParse() {
    return parser.parse(xml);
  }

  /** mm-cdr's typed parser running on the JDK's StAX instead of its own reader. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public CdrBatch typedParseJdkStax() {
    return jdkParser.parse(xml);
  }

  /** JDK StAX reading every element name, attribute value and text, building nothing. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void rawScanJdkStax(Blackhole bh) throws Exception {
    scan(jdkStax, bh);
  }

  /** Aalto StAX reading every element name, attribute value and text, building nothing. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void rawScanAaltoStax(Blackhole bh) throws Exception {
    scan(aaltoStax, bh);
  }

  /**
   * As {@link #rawScanAaltoStax} but reading the array directly through a Stax2 byte-array source,
   * the way the typed parser hands a {@code byte[]} to Aalto.
   */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void rawScanAaltoBytes(Blackhole bh) throws Exception {
    scan(aaltoStax.createXMLStreamReader(new Stax2ByteArraySource(xml, 0, xml.length)), bh);
  }

  /** JDK DOM: parse into a tree and visit every element, attribute and text node. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void domJdk(Blackhole bh) throws Exception {
    Document d = dom.parse(new ByteArrayInputStream(xml));
    visit(d.getDocumentElement(), bh);
  }

  private void scan(XMLInputFactory f, Blackhole bh) throws Exception {
    scan(f.createXMLStreamReader(new ByteArrayInputStream(xml)), bh);
  }

  private static void scan(XMLStreamReader r, Blackhole bh) throws Exception {
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        bh.consume(r.getLocalName());
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
          bh.consume(r.getAttributeValue(i));
        }
      } else if (ev == XMLStreamConstants.CHARACTERS) {
        bh.consume(r.getText());
      }
    }
    r.close();
  }

  private static void visit(Node n, Blackhole bh) {
    if (n.getNodeType() == Node.ELEMENT_NODE) {
      bh.consume(n.getLocalName() != null ? n.getLocalName() : n.getNodeName());
      NamedNodeMap attrs = n.getAttributes();
      for (int i = 0; i < attrs.getLength(); i++) {
        bh.consume(attrs.item(i).getNodeValue());
      }
    } else if (n.getNodeType() == Node.TEXT_NODE) {
      bh.consume(n.getNodeValue());
    }
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      visit(c, bh);
    }
  }
}
