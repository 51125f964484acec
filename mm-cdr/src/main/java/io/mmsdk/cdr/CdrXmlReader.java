package io.mmsdk.cdr;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * The default reader under {@link CdrParser}: a non-validating XML 1.0 pull reader over a whole
 * {@code byte[]} in UTF-8, US-ASCII or ISO-8859-1, written for CDR batches. It checks everything a
 * non-validating processor must (UTF-8 and XML characters, names, matching tags, one root, only
 * whitespace, comments and processing instructions outside it, unique attributes, no {@code <} in
 * attribute values, no {@code ]]>} in text, the XML declaration's form), expands the five
 * predefined entities and character references, and normalises line ends and attribute values.
 * Any other entity reference is an error; a document type declaration is reported as a DTD event,
 * which the cursor refuses, and never read.
 *
 * <p>Names are as a non-namespace-aware JDK StAX reader gives them: an element's name is its whole
 * name ({@code a:b}), an attribute's the part after its prefix. Names the schema knows come back
 * as the schema's own String constants, without allocating. Adjacent text, references and CDATA
 * sections are one CHARACTERS event; plain ASCII text and attribute values are kept as byte ranges
 * until asked for. Every step is linear in the input: the attribute count is bounded while the tag
 * is read ({@link LimitExceeded}), element nesting by the cursor. Lines and columns are counted
 * only when an error needs them. Not thread-safe; used for one document.
 */
final class CdrXmlReader extends XmlMarkup implements XmlEvents {
  /** Bytes that end a plain run of text: markup, references, CR, ']', controls, non-ASCII. */
  private static final boolean[] TEXT_PLAIN_ASCII = new boolean[256];
  /** As {@link #TEXT_PLAIN_ASCII} for single-byte documents, where 0x80-0xFF are characters. */
  private static final boolean[] TEXT_PLAIN_LATIN1 = new boolean[256];

  static {
    for (int c = 0x20; c < 0x80; c++) {
      TEXT_PLAIN_ASCII[c] = c != '<' && c != '&' && c != ']';
    }
    TEXT_PLAIN_ASCII['\t'] = true;
    TEXT_PLAIN_ASCII['\n'] = true;
    System.arraycopy(TEXT_PLAIN_ASCII, 0, TEXT_PLAIN_LATIN1, 0, 128);
    for (int c = 0x80; c < 0x100; c++) {
      TEXT_PLAIN_LATIN1[c] = true;
    }
  }

  private final boolean[] textPlain;

  /** Whether the current text is the byte range {@link #textStart} + {@link #textLength}. */
  private boolean textInBytes;
  private int textStart;
  private int textLength;

  /**
   * Reads {@code xml} in {@code charset} (UTF-8, US-ASCII or ISO-8859-1, as {@link
   * MarkupCheck#encoding} decided), allowing {@code maxAttributes} attributes per element.
   */
  CdrXmlReader(byte[] xml, Charset charset, int maxAttributes) {
    super(xml, charset, maxAttributes);
    this.textPlain = utf8 || ascii ? TEXT_PLAIN_ASCII : TEXT_PLAIN_LATIN1;
  }

  @Override
  public int next() throws XMLStreamException {
    if (pendingEnd) {
      pendingEnd = false;
      return endElement();
    }
    if (state == START) {
      declaration();
      state = PROLOG;
    } else if (state == DONE) {
      throw error(pos, "the document was read to its end");
    }
    while (true) {
      if (pos >= end) {
        if (state == EPILOG) {
          state = DONE;
          return event = XMLStreamConstants.END_DOCUMENT;
        }
        throw error(pos, state == PROLOG
            ? "premature end of the document: no root element"
            : "the document ends inside <" + names[depth - 1] + ">");
      }
      byte c = b[pos];
      if (c == '<') {
        byte d = pos + 1 < end ? b[pos + 1] : 0;
        if (d == '/') {
          if (state != CONTENT) {
            throw error(pos, "an end tag outside the root element");
          }
          return endTag();
        }
        if (d == '?') {
          processingInstruction();
          return event = XMLStreamConstants.PROCESSING_INSTRUCTION;
        }
        if (d == '!') {
          if (startsWith(pos, "<!--")) {
            comment();
            return event = XMLStreamConstants.COMMENT;
          }
          if (state == CONTENT && startsWith(pos, "<![CDATA[")) {
            return readText();
          }
          if (state == PROLOG && startsWith(pos, "<!DOCTYPE") && pos + 9 < end
              && isSpace(b[pos + 9])) {
            // Only its end is looked for: the cursor refuses the document on this event.
            doctypeEnd(pos + 9);
            state = DONE;
            return event = XMLStreamConstants.DTD;
          }
          throw error(pos, state == CONTENT
              ? "markup starting \"<!\" in content must be a comment or a CDATA section"
              : "markup starting \"<!\" outside the root element must be a comment");
        }
        if (state == EPILOG) {
          throw error(pos, "the document has a second root element; only one is allowed");
        }
        return startTag();
      }
      if (state == CONTENT) {
        return readText();
      }
      if (!isSpace(c)) {
        throw error(pos, "content is not allowed outside the root element");
      }
      pos++;
    }
  }

  @Override
  public boolean hasNext() {
    return state != DONE;
  }

  @Override
  public String localName() {
    return name;
  }

  @Override
  public int attributeCount() {
    return attributeCount;
  }

  @Override
  public String attributeName(int index) {
    return attributeNames[index];
  }

  @Override
  public String attributeValue(int index) {
    String v = attributeValues[index];
    if (v == null) {
      int s = valueStarts[index];
      int n = valueEnds[index] - s;
      // Record types and other short values the schema knows come back as its constants.
      v = n > 0 && NAME_START_ASCII[b[s] & 0xFF] ? KnownNames.find(b, s, n) : null;
      if (v == null) {
        v = new String(b, s, n, StandardCharsets.ISO_8859_1);
      }
      attributeValues[index] = v;
    }
    return v;
  }

  @Override
  public String attributeValue(String attribute) {
    for (int i = 0; i < attributeCount; i++) {
      String n = attributeNames[i];
      if (n == attribute || n.equals(attribute)) {
        return attributeValue(i);
      }
    }
    return null;
  }

  @Override
  public boolean attributeEquals(int index, String value) {
    String v = attributeValues[index];
    if (v != null) {
      return v.equals(value);
    }
    int s = valueStarts[index];
    int n = valueEnds[index] - s;
    if (n != value.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if ((b[s + i] & 0xFF) != value.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public long attributeAsLong(int index) {
    if (attributeValues[index] != null) {
      return -1;
    }
    int s = valueStarts[index];
    int e = valueEnds[index];
    if (e == s || e - s > 18) {
      return -1;
    }
    long n = 0;
    for (int i = s; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      n = n * 10 + d;
    }
    return n;
  }

  @Override
  public boolean isWhiteSpace() {
    if (textInBytes) {
      for (int i = textStart, e = textStart + textLength; i < e; i++) {
        if (!isSpace(b[i])) {
          return false;
        }
      }
      return true;
    }
    for (int i = 0; i < charCount; i++) {
      char c = chars[i];
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String text() {
    return textInBytes
        ? new String(b, textStart, textLength, StandardCharsets.ISO_8859_1)
        : new String(chars, 0, charCount);
  }

  @Override
  public int textLength() {
    return textLength;
  }

  @Override
  public void textCharacters(char[] dst, int length) {
    if (textInBytes) {
      for (int i = 0; i < length; i++) {
        dst[i] = (char) (b[textStart + i] & 0xFF);
      }
    } else {
      System.arraycopy(chars, 0, dst, 0, length);
    }
  }

  @Override
  public int line() {
    return location(pos).getLineNumber();
  }

  @Override
  public int column() {
    return location(pos).getColumnNumber();
  }

  @Override
  public void close() {
    state = DONE;
  }
  // ---- text

  /** Reads character data, references and CDATA sections up to the next other markup. */
  private int readText() throws XMLStreamException {
    int p = pos;
    boolean[] plain = textPlain;
    p = plainRun(p, plain, '<', '&', ']', ']');
    if (p < end && b[p] == '<' && !startsWith(p, "<![CDATA[")) {
      textInBytes = true;
      textStart = pos;
      textLength = p - pos;
      pos = p;
      return event = XMLStreamConstants.CHARACTERS;
    }
    return readDecodedText(p);
  }

  /** Continues {@link #readText} at {@code p}, decoding into {@link #chars}. */
  private int readDecodedText(int p) throws XMLStreamException {
    boolean[] plain = textPlain;
    charCount = 0;
    appendBytes(pos, p);
    while (p < end) {
      int c = b[p] & 0xFF;
      if (plain[c]) {
        append((char) c);
        p++;
        continue;
      }
      int before = charCount;
      try {
        switch (c) {
          case '<' -> {
            if (!startsWith(p, "<![CDATA[")) {
              return endText(p);
            }
            p = cdata(p + 9);
          }
          case '&' -> p = reference(p);
          case ']' -> {
            if (p + 2 < end && b[p + 1] == ']' && b[p + 2] == '>') {
              throw error(p, "the character sequence \"]]>\" must not appear in text");
            }
            append(']');
            p++;
          }
          case '\r' -> p = lineEnd(p);
          default -> p = character(p, c);
        }
      } catch (XMLStreamException e) {
        if (before == 0 || (c != '&' && c != '<')) {
          throw e;
        }
        // As StAX readers do: the text before a bad reference or CDATA section is an event of its
        // own, and the error comes with the next; what the cursor makes of that text (text where
        // elements belong, too long) is then what is reported.
        charCount = before;
        return endText(p);
      }
    }
    // Text running to the end of the input is not reported: the document is cut short.
    throw error(p, "the document ends inside <" + names[depth - 1] + ">");
  }

  private int endText(int p) {
    textInBytes = false;
    textLength = charCount;
    pos = p;
    return event = XMLStreamConstants.CHARACTERS;
  }

  /** Appends a CDATA section's content from {@code p}; returns the position after its end. */
  private int cdata(int p) throws XMLStreamException {
    while (true) {
      if (p >= end) {
        throw error(p, "the document ends inside a CDATA section");
      }
      int c = b[p] & 0xFF;
      if (c == ']' && p + 2 < end && b[p + 1] == ']' && b[p + 2] == '>') {
        return p + 3;
      }
      if (c == '\r') {
        p = lineEnd(p);
      } else if (c == '\t' || c == '\n' || (c >= 0x20 && c < 0x80)) {
        append((char) c);
        p++;
      } else {
        p = character(p, c);
      }
    }
  }
}
