package io.mmsdk.cdr;

import java.io.Reader;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.io.Stax2ByteArraySource;

/** {@link XmlEvents} over a caller-chosen StAX implementation (see {@code xmlInputFactory}). */
final class StaxEvents implements XmlEvents {
  private final XMLStreamReader r;
  /** Whether {@link #r} is a Stax2 (Aalto) reader, which decodes attribute numbers in place. */
  private final boolean stax2;

  private StaxEvents(XMLStreamReader r, boolean stax2) {
    this.r = r;
    this.stax2 = stax2;
  }

  /**
   * Starts reading {@code bytes} directly when given (the factory must then be a Stax2 one), or
   * else the already decoded {@code chars}.
   */
  static StaxEvents open(XMLInputFactory factory, byte[] bytes, Reader chars)
      throws XMLStreamException {
    // A whole array goes to Stax2 readers as is, saving the stream wrappers and a buffer copy.
    return bytes != null
        ? new StaxEvents(
            factory.createXMLStreamReader(new Stax2ByteArraySource(bytes, 0, bytes.length)), true)
        : new StaxEvents(factory.createXMLStreamReader(chars), false);
  }

  @Override
  public int next() throws XMLStreamException {
    return r.next();
  }

  @Override
  public boolean hasNext() throws XMLStreamException {
    return r.hasNext();
  }

  @Override
  public String localName() {
    return r.getLocalName();
  }

  @Override
  public int attributeCount() {
    return r.getAttributeCount();
  }

  @Override
  public String attributeName(int index) {
    return r.getAttributeLocalName(index);
  }

  @Override
  public String attributeValue(int index) {
    return r.getAttributeValue(index);
  }

  @Override
  public String attributeValue(String name) {
    return r.getAttributeValue(null, name);
  }

  @Override
  public boolean attributeEquals(int index, String value) {
    return value.equals(r.getAttributeValue(index));
  }

  @Override
  public long attributeAsLong(int index) {
    if (!stax2) {
      return -1;
    }
    try {
      long n = ((XMLStreamReader2) r).getAttributeAsLong(index);
      return n >= 0 ? n : -1;
    } catch (XMLStreamException e) {
      return -1; // the caller reports it with the text at fault
    }
  }

  @Override
  public boolean isWhiteSpace() {
    return r.isWhiteSpace();
  }

  @Override
  public String text() {
    return r.getText();
  }

  @Override
  public int textLength() {
    return r.getTextLength();
  }

  @Override
  public void textCharacters(char[] dst, int length) throws XMLStreamException {
    r.getTextCharacters(0, dst, 0, length);
  }

  @Override
  public int line() {
    Location loc = r.getLocation();
    return loc == null ? -1 : loc.getLineNumber();
  }

  @Override
  public int column() {
    Location loc = r.getLocation();
    return loc == null ? -1 : loc.getColumnNumber();
  }

  @Override
  public void close() throws XMLStreamException {
    r.close();
  }
}
