package io.mmsdk.cms.internal;

import io.mmsdk.cms.CmsElement;
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
 * fail instead of reading files or exhausting memory.
 */
public final class XmlParser {
  private static final XMLInputFactory FACTORY = newFactory();

  private XmlParser() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external entity " + systemId + " refused");
        });
    return factory;
  }

  /** A reply that could not be read; carries where. */
  public static final class Failure extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    final boolean wellFormed;
    final int line;
    final int column;
    final String path;

    Failure(String message, boolean wellFormed, int line, int column, String path, Throwable cause) {
      super(message, cause);
      this.wellFormed = wellFormed;
      this.line = line;
      this.column = column;
      this.path = path;
    }
  }

  /** Parses {@code in} and returns its root element. */
  public static CmsElement parse(InputStream in) throws Failure {
    Deque<Builder> stack = new ArrayDeque<>();
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(in);
      CmsElement root = null;
      while (reader.hasNext()) {
        int event = reader.next();
        switch (event) {
          case XMLStreamConstants.DTD:
            throw failure(reader, stack, "the reply contains a DTD (<!DOCTYPE>), which is refused", true, null);
          case XMLStreamConstants.ENTITY_REFERENCE:
            throw failure(
                reader, stack, "the reply references entity &" + reader.getLocalName() + "; which is refused", true, null);
          case XMLStreamConstants.START_ELEMENT:
            Builder b = new Builder(reader.getLocalName());
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
            CmsElement done = stack.pop().build();
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
    } catch (XMLStreamException e) {
      Location loc = e.getLocation();
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
        } catch (XMLStreamException ignored) {
          // Closing a reader over an already-consumed stream cannot lose data.
        }
      }
    }
  }

  private static Failure failure(
      XMLStreamReader reader, Deque<Builder> stack, String message, boolean wellFormed, Throwable cause) {
    Location loc = reader.getLocation();
    return new Failure(message, wellFormed, loc.getLineNumber(), loc.getColumnNumber(), path(stack), cause);
  }

  private static String path(Deque<Builder> stack) {
    List<String> names = new ArrayList<>();
    stack.descendingIterator().forEachRemaining(b -> names.add(b.name));
    return String.join("/", names);
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
