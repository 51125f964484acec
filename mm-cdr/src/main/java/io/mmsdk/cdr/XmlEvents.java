package io.mmsdk.cdr;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * The pull-reader calls {@link CdrCursor} makes, so that it reads the same way from {@link
 * CdrXmlReader} (the default) and from a caller's StAX implementation ({@link StaxEvents}). Events
 * are {@link XMLStreamConstants} values with StAX's meaning, names are as a non-namespace-aware
 * StAX reader gives them (a prefixed name is one name, {@code a:b}). Not-well-formed input throws
 * {@link XMLStreamException} carrying its location.
 */
interface XmlEvents {
  /** Moves to the next event and returns its type. */
  int next() throws XMLStreamException;

  /** Whether {@link #next} may be called: false once END_DOCUMENT was returned. */
  boolean hasNext() throws XMLStreamException;

  /** The current START_ELEMENT's or END_ELEMENT's name. */
  String localName();

  /** The current START_ELEMENT's attribute count. */
  int attributeCount();

  /** The name of attribute {@code index} of the current START_ELEMENT. */
  String attributeName(int index);

  /** The (normalised) value of attribute {@code index} of the current START_ELEMENT. */
  String attributeValue(int index);

  /** The value of the current START_ELEMENT's attribute {@code name}, or null if it has none. */
  String attributeValue(String name);

  /** Whether the value of attribute {@code index} is {@code value}, ideally without a String. */
  boolean attributeEquals(int index, String value);

  /**
   * The value of attribute {@code index} as a non-negative whole number if the reader can decode
   * it in place, else -1 (the caller then reads {@link #attributeValue(int)}).
   */
  long attributeAsLong(int index);

  /** Whether the current text event is all XML whitespace. */
  boolean isWhiteSpace();

  /** The current text event's characters. */
  String text();

  /** The length of the current text event, in chars. */
  int textLength();

  /** Copies the first {@code length} chars of the current text event into {@code dst}. */
  void textCharacters(char[] dst, int length) throws XMLStreamException;

  /** The 1-based line of the reader's position, or -1. */
  int line();

  /** The 1-based column of the reader's position, or -1. */
  int column();

  /** Releases the reader; the input is not the reader's to close. */
  void close() throws XMLStreamException;
}
