package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;

/**
 * Parses CDR batches ({@code <records session callBridge>} documents) into typed, immutable
 * records with a streaming, hardened StAX reader: document type declarations are refused, external
 * entities are never resolved, and input size, record count, nesting depth and text length are
 * bounded. The whole batch is parsed before anything is returned, so a bad document yields a
 * {@link CdrParseException} and no records.
 *
 * <p>Thread-safe and cheap to share; create one per application.
 */
public final class CdrParser {
  private final long maxBytes;
  private final int maxRecords;
  private final int maxTextLength;
  private final int maxDepth;
  private final XMLInputFactory factory;
  private final boolean stax2;

  private CdrParser(Builder b) {
    this.maxBytes = b.maxBytes;
    this.maxRecords = b.maxRecords;
    this.maxTextLength = b.maxTextLength;
    this.maxDepth = b.maxDepth;
    // Aalto unless told otherwise (about twice as fast as the JDK's reader on CDR batches), never
    // whatever provider happens to be on the classpath.
    XMLInputFactory f = b.factory != null ? b.factory : defaultFactory();
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

  /** Aalto's StAX reader, or the JDK's own if Aalto was excluded from the classpath. */
  private static XMLInputFactory defaultFactory() {
    try {
      return new com.fasterxml.aalto.stax.InputFactoryImpl();
    } catch (LinkageError e) {
      return XMLInputFactory.newDefaultFactory();
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
   * @throws CdrParseException if the bytes are not well-formed XML, not a CDR batch, or over a limit
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
    if (stax2) {
      return new StaxCdrReader(factory, null, xml, maxRecords, maxTextLength, maxDepth).read();
    }
    return parse(new ByteArrayInputStream(xml));
  }

  /**
   * Parses one batch from {@code in}, reading at most {@link Builder#maxBytes(long)} bytes. The
   * stream is not closed.
   *
   * @throws CdrParseException if the input is not well-formed XML, not a CDR batch, or over a limit
   */
  public CdrBatch parse(InputStream in) {
    requireNonNull(in, "in == null");
    BoundedInputStream bounded = new BoundedInputStream(in, maxBytes);
    return new StaxCdrReader(factory, bounded, null, maxRecords, maxTextLength, maxDepth).read();
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
    private XMLInputFactory factory;

    private Builder() {}

    /**
     * Uses {@code factory} as the StAX implementation instead of the default, Aalto's
     * {@code com.fasterxml.aalto.stax.InputFactoryImpl} (the JDK's own reader when Aalto is not on
     * the classpath); pass {@code XMLInputFactory.newDefaultFactory()} for the JDK's. The parser
     * sets the hardening properties on it (no DTD support, no external entities, no entity
     * resolution), so it must not be shared with code that needs other settings. Document type declarations and entity references are
     * refused by the parser whatever the implementation.
     *
     * @return this builder
     */
    public Builder xmlInputFactory(XMLInputFactory factory) {
      this.factory = requireNonNull(factory, "factory == null");
      return this;
    }

    /**
     * Sets the largest document accepted, in bytes (default 16 MiB).
     *
     * @param maxBytes the largest document accepted, in bytes (default 16 MiB)
     * @return this builder
     */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes < 1) {
        throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * Sets the most records accepted in one batch (default 10,000).
     *
     * @param maxRecords the most records accepted in one batch (default 10,000)
     * @return this builder
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
     * @param maxTextLength the longest text of one element, in characters (default 65,536)
     * @return this builder
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
     * @param maxDepth the deepest element nesting accepted (default 16)
     * @return this builder
     */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < 4) {
        throw new IllegalArgumentException("maxDepth must be at least 4: " + maxDepth);
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /** {@return the parser} */
    public CdrParser build() {
      return new CdrParser(this);
    }
  }

  /** Counts bytes read and fails once the limit is passed. */
  static final class BoundedInputStream extends InputStream {
    private final InputStream in;
    private final long limit;
    private long count;
    boolean exceeded;

    BoundedInputStream(InputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    long limit() {
      return limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = in.read(buf, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(int n) throws IOException {
      count += n;
      if (count > limit) {
        exceeded = true;
        throw new IOException("CDR document is over the limit of " + limit + " bytes");
      }
    }
  }
}
