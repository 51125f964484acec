package io.mmsdk.cms.internal;

import io.mmsdk.cms.core.CmsElement;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a CMS XML reply into a {@link CmsElement} tree with a hardened StAX reader: DTDs are
 * refused outright and external entities are never resolved, so XXE and entity-expansion payloads
 * fail instead of reading files or exhausting memory. Nesting depth, element path length and the
 * number of elements and attributes are bounded, so the tree (and the {@code CmsObject} fields
 * flattened from it) stays proportionate to a real reply; the byte size is bounded by the caller's
 * stream ({@link ReplySizeLimit}).
 *
 * <p>Works with whichever StAX implementation {@link XMLInputFactory#newFactory()} finds: the
 * JDK's, or Aalto when mm-cdr puts it on the classpath. Every failure of the reader, checked or
 * not, becomes a {@link Failure}; an {@link IOException} of the underlying stream (a timeout, the
 * size limit) is rethrown as it is, so callers can tell a slow or oversized reply from bad XML.
 */
public final class XmlParser {
  /** The deepest element nesting accepted; CMS replies nest about five levels. */
  public static final int MAX_DEPTH = 32;
  /** The longest slash-separated element path accepted, in characters. */
  public static final int MAX_PATH_LENGTH = 512;
  /** The most elements plus attributes accepted in one reply; a page of 50 objects has a few thousand. */
  public static final int MAX_NODES = 100_000;

  private static final XmlParser DEFAULT = new XmlParser(XMLInputFactory.newFactory());

  private final XMLInputFactory factory;

  /** Creates a parser over {@code factory}, which this hardens (DTD and external entities off). */
  public XmlParser(XMLInputFactory factory) {
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external entity " + systemId + " refused");
        });
    this.factory = factory;
  }

  /** A reply that could not be read; carries where. */
  public static final class Failure extends IOException {
    private static final long serialVersionUID = 1L;

    /** Whether the reply was well-formed XML (and failed a bound or the CMS reply shape). */
    public final boolean wellFormed;
    /** The line of the failure, or -1 if unknown. */
    public final int line;
    /** The column of the failure, or -1 if unknown. */
    public final int column;
    /** The element path of the failure, such as {@code coSpaces/coSpace}; empty if unknown. */
    public final String path;

    Failure(String message, boolean wellFormed, int line, int column, String path, Throwable cause) {
      super(message, cause);
      this.wellFormed = wellFormed;
      this.line = line;
      this.column = column;
      this.path = path;
    }
  }

  /**
   * Parses {@code in} with the default StAX implementation and returns its root element.
   *
   * @throws Failure if the reply is not well-formed, holds a DTD or exceeds a bound
   * @throws IOException if reading {@code in} failed
   */
  public static CmsElement parse(InputStream in) throws IOException {
    return DEFAULT.read(in);
  }

  /**
   * Parses {@code in} and returns its root element.
   *
   * @throws Failure if the reply is not well-formed, holds a DTD or exceeds a bound
   * @throws IOException if reading {@code in} failed
   */
  public CmsElement read(InputStream in) throws IOException {
    TrackingStream source = new TrackingStream(in);
    Deque<Builder> stack = new ArrayDeque<>();
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(source);
      return readRoot(reader, stack);
    } catch (XMLStreamException | RuntimeException e) {
      // Aalto reports some malformed text from getText() unchecked (UncheckedStreamException).
      if (source.failure != null) {
        throw source.failure;
      }
      Location loc = e instanceof XMLStreamException x ? x.getLocation() : location(reader);
      throw new Failure(
          "the reply is not well-formed XML: " + e.getMessage(),
          false,
          loc == null ? -1 : loc.getLineNumber(),
          loc == null ? -1 : loc.getColumnNumber(),
          path(stack),
          e);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException | RuntimeException ignored) {
          // Closing a reader over an already-consumed stream cannot lose data.
        }
      }
    }
  }

  private static CmsElement readRoot(XMLStreamReader reader, Deque<Builder> stack)
      throws XMLStreamException, Failure {
    CmsElement root = null;
    int nodes = 0;
    int pathLength = 0;
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.DTD:
          throw failure(reader, stack, "the reply contains a DTD (<!DOCTYPE>), which is refused");
        case XMLStreamConstants.ENTITY_REFERENCE:
          throw failure(reader, stack, "the reply references entity &" + reader.getLocalName() + "; which is refused");
        case XMLStreamConstants.START_ELEMENT:
          Builder b = new Builder(reader.getLocalName());
          pathLength += b.name.length() + 1;
          nodes += 1 + reader.getAttributeCount();
          if (stack.size() >= MAX_DEPTH) {
            throw failure(reader, stack, "the reply nests elements deeper than " + MAX_DEPTH + " levels");
          }
          if (pathLength > MAX_PATH_LENGTH) {
            throw failure(reader, stack, "the reply has an element path longer than " + MAX_PATH_LENGTH + " characters");
          }
          if (nodes > MAX_NODES) {
            throw failure(reader, stack, "the reply has more than " + MAX_NODES + " elements and attributes");
          }
          for (int i = 0; i < reader.getAttributeCount(); i++) {
            b.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
          }
          stack.push(b);
          break;
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
          if (!stack.isEmpty()) {
            stack.peek().text.append(reader.getText());
          }
          break;
        case XMLStreamConstants.END_ELEMENT:
          Builder ended = stack.pop();
          pathLength -= ended.name.length() + 1;
          CmsElement done = ended.build();
          if (stack.isEmpty()) {
            root = done;
          } else {
            stack.peek().children.add(done);
          }
          break;
        default:
          break;
      }
    }
    if (root == null) {
      throw new Failure("the reply has no root element", false, -1, -1, "", null);
    }
    return root;
  }

  private static Failure failure(XMLStreamReader reader, Deque<Builder> stack, String message) {
    Location loc = reader.getLocation();
    return new Failure(message, true, loc.getLineNumber(), loc.getColumnNumber(), path(stack), null);
  }

  private static Location location(XMLStreamReader reader) {
    try {
      return reader == null ? null : reader.getLocation();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String path(Deque<Builder> stack) {
    List<String> names = new ArrayList<>();
    stack.descendingIterator().forEachRemaining(b -> names.add(b.name));
    return String.join("/", names);
  }

  /** Remembers the stream's own failure, which StAX readers wrap or replace. */
  private static final class TrackingStream extends FilterInputStream {
    IOException failure;

    TrackingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }

  private static final class Builder {
    final String name;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final StringBuilder text = new StringBuilder();
    final List<CmsElement> children = new ArrayList<>();

    Builder(String name) {
      this.name = name;
    }

    CmsElement build() {
      return new CmsElement(name, attributes, text.toString().trim(), children);
    }
  }
}
