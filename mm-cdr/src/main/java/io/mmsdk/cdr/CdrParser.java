package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;

/**
 * Parses CDR batches ({@code <records session callBridge>} documents) into typed, immutable
 * records with a streaming, hardened reader: document type declarations are refused, external
 * entities are never resolved, and input size, record count (unknown elements under the root
 * included), attributes per element, unknown elements retained, nesting depth and text length are
 * bounded, so time and memory are linear in the input. Documents must be UTF-8 (or US-ASCII or
 * ISO-8859-1), which Call Bridges send; others are refused. The whole batch is parsed before
 * anything is returned, so a bad document yields a {@link CdrParseException} and no records; no
 * other exception escapes, and nothing is printed.
 *
 * <p>By default the XML is read by mm-cdr's own non-validating XML 1.0 reader, written for CDR
 * batches: about 1.6 times as fast as Aalto's StAX reader on them, with 43 % less allocation. It
 * checks what a non-validating processor must (characters and UTF-8, names, matching tags, one
 * root, unique attributes, the XML declaration), expands the predefined entities and character
 * references, and refuses any other entity reference. A StAX implementation chosen with {@link
 * Builder#xmlInputFactory(XMLInputFactory)} is used instead when given. Both give the same
 * records for the same bytes and refuse the same documents, except that documents declaring XML
 * 1.1 are read by the 1.0 rules by default; the {@link CdrParseException.Kind} can differ only
 * where a document has two faults (the default reports the first in document order) and for a
 * malformed document type declaration ({@code UNEXPECTED} by default).
 *
 * <p>Thread-safe and cheap to share; create one per application.
 */
public final class CdrParser {
  private final long maxBytes;
  private final int maxRecords;
  private final int maxTextLength;
  private final int maxDepth;
  private final int maxAttributes;
  private final int maxUnknownElements;
  /** The caller's StAX implementation, hardened; null for mm-cdr's own reader. */
  private final XMLInputFactory factory;
  private final boolean stax2;

  private CdrParser(Builder b) {
    this.maxBytes = b.maxBytes;
    this.maxRecords = b.maxRecords;
    this.maxTextLength = b.maxTextLength;
    this.maxDepth = b.maxDepth;
    this.maxAttributes = b.maxAttributes;
    this.maxUnknownElements = b.maxUnknownElements;
    XMLInputFactory f = b.factory;
    if (f == null) {
      this.factory = null;
      this.stax2 = false;
      return;
    }
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setXMLResolver(
        (publicId, systemId, baseUri, ns) -> {
          throw new javax.xml.stream.XMLStreamException(
              "external entity " + systemId + " refused: CDR documents never reference entities");
        });
    this.factory = f;
    this.stax2 = isStax2(f);
  }

  /** Whether {@code f} reads Stax2 byte-array sources (Aalto does; the JDK's reader does not). */
  private static boolean isStax2(XMLInputFactory f) {
    try {
      return f instanceof org.codehaus.stax2.XMLInputFactory2;
    } catch (LinkageError e) {
      return false;
    }
  }

  /** {@return a parser with the default limits} */
  public static CdrParser create() {
    return builder().build();
  }

  /** {@return a builder for a parser with custom limits} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses one batch from {@code xml}.
   *
   * @param xml the whole request body as the Call Bridge posted it; not null
   * @return the batch: its session, Call Bridge and records in document order
   * @throws CdrParseException if the bytes are not well-formed XML, not a CDR batch, or over a
   *     limit
   */
  public CdrBatch parse(byte[] xml) {
    requireNonNull(xml, "xml == null");
    if (xml.length > maxBytes) {
      throw new CdrParseException(
          CdrParseException.Kind.LIMIT_EXCEEDED,
          "CDR document of " + xml.length + " bytes is over the limit of " + maxBytes
              + " bytes; raise CdrParser.builder().maxBytes(...) if batches are really this large",
          "/", -1, -1, null);
    }
    Charset charset = MarkupCheck.encoding(xml);
    StaxCdrReader.Limits limits =
        new StaxCdrReader.Limits(maxRecords, maxTextLength, maxDepth, maxUnknownElements);
    if (factory == null) {
      return new StaxCdrReader(() -> new CdrXmlReader(xml, charset, maxAttributes), limits).read();
    }
    // StAX readers take time quadratic in the attributes of one element: bound them first.
    MarkupCheck.attributes(xml, maxAttributes);
    if (stax2) {
      return new StaxCdrReader(() -> StaxEvents.open(factory, xml, null), limits).read();
    }
    // The JDK's reader prints "[Fatal Error]" to stderr on bytes that do not decode; decoding here
    // turns those into a CdrParseException instead, and the reader only ever sees characters.
    Reader chars = decode(xml, charset);
    return new StaxCdrReader(() -> StaxEvents.open(factory, null, chars), limits).read();
  }

  private static Reader decode(byte[] xml, Charset charset) {
    int bom = charset == StandardCharsets.UTF_8 && xml.length >= 3 && xml[0] == (byte) 0xEF
        && xml[1] == (byte) 0xBB && xml[2] == (byte) 0xBF ? 3 : 0;
    ByteBuffer in = ByteBuffer.wrap(xml, bom, xml.length - bom);
    try {
      CharBuffer chars = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(in);
      return new CharArrayReader(chars.array(), chars.arrayOffset(), chars.remaining());
    } catch (CharacterCodingException e) {
      throw new CdrParseException(CdrParseException.Kind.NOT_WELL_FORMED,
          "CDR document is not valid " + charset.name() + " at byte " + in.position()
              + " (" + e.getMessage() + ")",
          "/", -1, -1, e);
    }
  }

  /**
   * Parses one batch from {@code in}, reading at most {@link Builder#maxBytes(long)} bytes. The
   * stream is not closed.
   *
   * @param in the request body; read up to the size limit and left open
   * @return the batch: its session, Call Bridge and records in document order
   * @throws CdrParseException if the input is not well-formed XML, not a CDR batch, or over a limit
   * @throws UncheckedIOException if {@code in} cannot be read
   */
  public CdrBatch parse(InputStream in) {
    requireNonNull(in, "in == null");
    try {
      byte[] xml = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      return parse(xml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CDR document: " + e.getMessage(), e);
    }
  }

  /** {@return the largest document accepted, in bytes} */
  public long maxBytes() {
    return maxBytes;
  }

  /** Builds a {@link CdrParser}. */
  public static final class Builder {
    private long maxBytes = 16L * 1024 * 1024;
    private int maxRecords = 10_000;
    private int maxTextLength = 64 * 1024;
    private int maxDepth = 16;
    private int maxAttributes = 64;
    private int maxUnknownElements = 50_000;
    private XMLInputFactory factory;

    private Builder() {}

    /**
     * Reads the XML with {@code factory}'s StAX implementation instead of the default, mm-cdr's
     * own reader (see {@link CdrParser}); pass {@code XMLInputFactory.newDefaultFactory()} for the
     * JDK's, or Aalto's {@code com.fasterxml.aalto.stax.InputFactoryImpl} (add {@code
     * com.fasterxml:aalto-xml} to the application: mm-cdr does not bring it), which then reads the
     * byte array directly. The parser sets the hardening properties on it (no DTD support, no
     * external entities, no entity resolution, not namespace-aware), so it must not be shared
     * with code that needs other settings. Document type declarations and entity references are
     * refused by the parser whatever the implementation; the records are the same as the
     * default's.
     *
     * @param factory the StAX input factory to harden and use; not null, not shared
     * @return this builder
     */
    public Builder xmlInputFactory(XMLInputFactory factory) {
      this.factory = requireNonNull(factory, "factory == null");
      return this;
    }

    /**
     * Sets the largest document accepted, in bytes (default 16 MiB).
     *
     * @param maxBytes the largest body accepted, in bytes, 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code maxBytes} is below 1
     */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes < 1) {
        throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * Sets the most records accepted in one batch (default 10,000); unknown elements directly
     * under {@code <records>} count as records.
     *
     * @param maxRecords the most records in one batch, 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code maxRecords} is below 1
     */
    public Builder maxRecords(int maxRecords) {
      if (maxRecords < 1) {
        throw new IllegalArgumentException("maxRecords must be positive: " + maxRecords);
      }
      this.maxRecords = maxRecords;
      return this;
    }

    /**
     * Sets the longest text of one element, in characters (default 65,536).
     *
     * @param maxTextLength the longest element text, in characters, 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code maxTextLength} is below 1
     */
    public Builder maxTextLength(int maxTextLength) {
      if (maxTextLength < 1) {
        throw new IllegalArgumentException("maxTextLength must be positive: " + maxTextLength);
      }
      this.maxTextLength = maxTextLength;
      return this;
    }

    /**
     * Sets the deepest element nesting accepted (default 16).
     *
     * @param maxDepth the deepest nesting, 4 or more ({@code <records><record><call>} and a child)
     * @return this builder
     * @throws IllegalArgumentException if {@code maxDepth} is below 4
     */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < 4) {
        throw new IllegalArgumentException("maxDepth must be at least 4: " + maxDepth);
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /**
     * Sets the most attributes, namespace declarations included, on one element (default 64; CDR
     * elements carry at most five).
     *
     * @param maxAttributes the most attributes on one element, 8 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code maxAttributes} is below 8
     */
    public Builder maxAttributes(int maxAttributes) {
      if (maxAttributes < 8) {
        throw new IllegalArgumentException("maxAttributes must be at least 8: " + maxAttributes);
      }
      this.maxAttributes = maxAttributes;
      return this;
    }

    /**
     * Sets the most unknown elements kept in one batch, at any depth (default 50,000). Elements the
     * parser does not know are kept as {@link RawElement}s so that nothing is lost; this bounds
     * the memory they take.
     *
     * @param maxUnknownElements the most unknown elements kept per batch, 0 or more (0 refuses any)
     * @return this builder
     * @throws IllegalArgumentException if {@code maxUnknownElements} is negative
     */
    public Builder maxUnknownElements(int maxUnknownElements) {
      if (maxUnknownElements < 0) {
        throw new IllegalArgumentException(
            "maxUnknownElements must not be negative: " + maxUnknownElements);
      }
      this.maxUnknownElements = maxUnknownElements;
      return this;
    }

    /** {@return the parser} */
    public CdrParser build() {
      return new CdrParser(this);
    }
  }
}
