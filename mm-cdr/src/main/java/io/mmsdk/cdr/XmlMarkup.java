package io.mmsdk.cdr;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * The markup level of {@link CdrXmlReader}: the XML declaration, start tags with their attributes
 * (unique, quoted, normalised, bounded in number while the tag is read), end tags matched in place
 * against the open element's name bytes, the end of a document type declaration, comments and
 * processing instructions, and the reader's state they move on.
 */
abstract class XmlMarkup extends XmlInput {
  /** More attributes on one element than the parser's {@code maxAttributes}. */
  static final class LimitExceeded extends XMLStreamException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String message, Location location) {
      super(message, location);
    }
  }

  static final int START = 0;
  static final int PROLOG = 1;
  static final int CONTENT = 2;
  static final int EPILOG = 3;
  static final int DONE = 4;

  /** Pairwise duplicate checks up to this many attributes, a hash set beyond. */
  private static final int PAIRWISE_ATTRIBUTES = 16;

  /** Bytes of a plain attribute value: no quotes, markup, references, whitespace but space. */
  private static final boolean[] ATTR_PLAIN_ASCII = new boolean[256];
  private static final boolean[] ATTR_PLAIN_LATIN1 = new boolean[256];

  static {
    for (int c = 0x20; c < 0x80; c++) {
      ATTR_PLAIN_ASCII[c] = c != '<' && c != '&' && c != '"' && c != '\'';
    }
    System.arraycopy(ATTR_PLAIN_ASCII, 0, ATTR_PLAIN_LATIN1, 0, 128);
    for (int c = 0x80; c < 0x100; c++) {
      ATTR_PLAIN_LATIN1[c] = true;
    }
  }

  private final int maxAttributes;
  private final boolean[] attrPlain;
  int state = START;
  int event = XMLStreamConstants.START_DOCUMENT;
  /** The current START_ELEMENT was {@code <a/>}: the next event is its END_ELEMENT. */
  boolean pendingEnd;

  /** Open elements: names and where their name bytes are, for matching end tags. */
  String[] names = new String[16];
  private int[] nameStarts = new int[16];
  private int[] nameLengths = new int[16];
  int depth;
  String name;

  int attributeCount;
  String[] attributeNames = new String[8];
  /** Whole (prefixed) attribute names, for the duplicate check. */
  private String[] attributeQNames = new String[8];
  /** Decoded values; null where the value is the plain byte range below, made on demand. */
  String[] attributeValues = new String[8];
  int[] valueStarts = new int[8];
  int[] valueEnds = new int[8];
  private Set<String> seenAttributes;

  /** Reads {@code xml} in {@code charset}, allowing {@code maxAttributes} attributes per element. */
  XmlMarkup(byte[] xml, Charset charset, int maxAttributes) {
    super(xml, charset);
    this.maxAttributes = maxAttributes;
    this.attrPlain = utf8 || ascii ? ATTR_PLAIN_ASCII : ATTR_PLAIN_LATIN1;
  }

  /** Reads the XML declaration, if the document starts with one, after a UTF-8 byte order mark. */
  void declaration() throws XMLStreamException {
    if (utf8 && end >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
      pos = 3;
    }
    if (!startsWith(pos, "<?xml") || pos + 5 >= end || !isSpace(b[pos + 5])) {
      return;
    }
    int p = skipSpace(pos + 5);
    p = pseudoAttribute(p, "version");
    int q = quoted(p);
    boolean version10or11 =
        q - p == 5 && b[p + 1] == '1' && b[p + 2] == '.' && (b[p + 3] == '0' || b[p + 3] == '1');
    if (!version10or11) {
      // 1.1 documents are read by the 1.0 rules; Call Bridges send 1.0.
      throw error(p, "XML version " + new String(b, p, q - p, StandardCharsets.ISO_8859_1)
          + " is not supported, only XML 1.0 is");
    }
    int s = skipSpace(q);
    if (s > q && startsWith(s, "encoding")) {
      p = pseudoAttribute(s, "encoding");
      q = quoted(p);
      if (q - p < 3 || !isAsciiLetter(b[p + 1])) {
        throw error(p, "the encoding name in the XML declaration is not a valid name");
      }
      for (int i = p + 2; i < q - 1; i++) {
        byte c = b[i];
        if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '.' && c != '_' && c != '-') {
          throw error(i, "the encoding name in the XML declaration is not a valid name");
        }
      }
      s = skipSpace(q);
    }
    if (s > q && startsWith(s, "standalone")) {
      p = pseudoAttribute(s, "standalone");
      q = quoted(p);
      String v = new String(b, p + 1, q - p - 2, StandardCharsets.ISO_8859_1);
      if (!v.equals("yes") && !v.equals("no")) {
        throw error(p, "standalone must be \"yes\" or \"no\" in the XML declaration");
      }
      s = skipSpace(q);
    }
    if (!startsWith(s, "?>")) {
      throw error(s, "the XML declaration must end with \"?>\" after version, encoding and"
          + " standalone, separated by whitespace");
    }
    pos = s + 2;
  }

  /** Reads {@code keyword =} at {@code p}; returns where the quoted value starts. */
  int pseudoAttribute(int p, String keyword) throws XMLStreamException {
    if (!startsWith(p, keyword)) {
      throw error(p, "the XML declaration must have " + keyword + " here");
    }
    p = skipSpace(p + keyword.length());
    if (p >= end || b[p] != '=') {
      throw error(p, "expected '=' after " + keyword + " in the XML declaration");
    }
    return skipSpace(p + 1);
  }

  /** Returns the end (past the closing quote) of a declaration value quoted at {@code p}. */
  int quoted(int p) throws XMLStreamException {
    byte quote = p < end ? b[p] : 0;
    if (quote != '"' && quote != '\'') {
      throw error(p, "expected a quoted value in the XML declaration");
    }
    for (int i = p + 1; i < end; i++) {
      if (b[i] == quote) {
        return i + 1;
      }
      if (b[i] == '<' || b[i] == '>') {
        break;
      }
    }
    throw error(p, "unterminated value in the XML declaration");
  }

  int startTag() throws XMLStreamException {
    int nameStart = pos + 1;
    int p = scanName(nameStart);
    String n = name(nameStart, p);
    int nameLength = p - nameStart;
    attributeCount = 0;
    while (true) {
      int q = skipSpace(p);
      if (q >= end) {
        throw error(q, "the document ends inside the start tag of <" + n + ">");
      }
      byte c = b[q];
      if (c == '>') {
        p = q + 1;
        break;
      }
      if (c == '/') {
        if (q + 1 < end && b[q + 1] == '>') {
          p = q + 2;
          pendingEnd = true;
          break;
        }
        throw error(q + 1, "expected '>' after '/' in the start tag of <" + n + ">");
      }
      if (q == p) {
        throw error(q, "<" + n + "> must be followed by attributes (after whitespace), '>' or"
            + " \"/>\"");
      }
      p = attribute(q, n);
    }
    pos = p;
    push(n, nameStart, nameLength);
    state = CONTENT;
    name = n;
    return event = XMLStreamConstants.START_ELEMENT;
  }

  void push(String n, int nameStart, int nameLength) {
    if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
      nameStarts = Arrays.copyOf(nameStarts, depth * 2);
      nameLengths = Arrays.copyOf(nameLengths, depth * 2);
    }
    names[depth] = n;
    nameStarts[depth] = nameStart;
    nameLengths[depth] = nameLength;
    depth++;
  }

  /** Reads one attribute at {@code p} of element {@code element}; returns the position after. */
  int attribute(int p, String element) throws XMLStreamException {
    int i = attributeCount;
    if (i == maxAttributes) {
      throw new LimitExceeded("an element has more than " + maxAttributes + " attributes"
          + " (namespace declarations included); CDR elements carry at most five: this is not a"
          + " Call Bridge document (raise CdrParser.builder().maxAttributes(...) if it really is)",
          location(p));
    }
    if (i == attributeNames.length) {
      int m = i * 2;
      attributeNames = Arrays.copyOf(attributeNames, m);
      attributeQNames = Arrays.copyOf(attributeQNames, m);
      attributeValues = Arrays.copyOf(attributeValues, m);
      valueStarts = Arrays.copyOf(valueStarts, m);
      valueEnds = Arrays.copyOf(valueEnds, m);
    }
    int nameEnd = scanName(p);
    String qname = name(p, nameEnd);
    int q = skipSpace(nameEnd);
    if (q >= end || b[q] != '=') {
      throw error(q, "attribute " + qname + " of <" + element + "> must be followed by '='");
    }
    q = skipSpace(q + 1);
    byte quote = q < end ? b[q] : 0;
    if (quote != '"' && quote != '\'') {
      throw error(q, "the value of attribute " + qname + " of <" + element
          + "> must be in quotes");
    }
    checkDuplicate(qname, element, p);
    attributeQNames[i] = qname;
    int colon = knownName != null ? -1 : qname.indexOf(':');
    attributeNames[i] = colon > 0 && colon < qname.length() - 1
        ? qname.substring(colon + 1) : qname;
    attributeCount = i + 1;
    return attributeValue(q + 1, quote, i, qname, element);
  }

  void checkDuplicate(String qname, String element, int at) throws XMLStreamException {
    int n = attributeCount;
    boolean duplicate = false;
    if (n < PAIRWISE_ATTRIBUTES) {
      // A known name is its one String object, and no other name equals it.
      boolean known = knownName != null;
      for (int j = 0; j < n; j++) {
        String other = attributeQNames[j];
        if (known ? other == qname : other.equals(qname)) {
          duplicate = true;
          break;
        }
      }
    } else {
      if (n == PAIRWISE_ATTRIBUTES) {
        if (seenAttributes == null) {
          seenAttributes = new HashSet<>();
        }
        seenAttributes.clear();
        for (int j = 0; j < n; j++) {
          seenAttributes.add(attributeQNames[j]);
        }
      }
      duplicate = !seenAttributes.add(qname);
    }
    if (duplicate) {
      throw error(at, "attribute " + qname + " appears twice on <" + element + ">");
    }
  }

  /** Reads the value after its opening {@code quote} at {@code p} into attribute {@code i}. */
  int attributeValue(int p, byte quote, int i, String qname, String element)
      throws XMLStreamException {
    int start = p;
    boolean[] plain = attrPlain;
    p = plainRun(p, plain, '<', '&', '"', '\'');
    if (p < end && b[p] == quote) {
      attributeValues[i] = null;
      valueStarts[i] = start;
      valueEnds[i] = p;
      return p + 1;
    }
    return decodeAttributeValue(start, p, quote, i, qname, element);
  }

  /** Continues {@link #attributeValue(int, byte, int, String, String)} at {@code p}, decoding. */
  int decodeAttributeValue(int start, int p, byte quote, int i, String qname,
      String element) throws XMLStreamException {
    charCount = 0;
    appendBytes(start, p);
    while (true) {
      if (p >= end) {
        throw error(p, "the document ends inside the value of attribute " + qname);
      }
      int c = b[p] & 0xFF;
      if (c == quote) {
        break;
      }
      switch (c) {
        case '<' -> throw error(p, "the value of attribute " + qname + " of <" + element
            + "> must not contain '<' (write &lt;)");
        case '&' -> p = reference(p);
        case '\t', '\n' -> {
          append(' ');
          p++;
        }
        case '\r' -> {
          append(' ');
          p++;
          if (p < end && b[p] == '\n') {
            p++;
          }
        }
        default -> p = character(p, c);
      }
    }
    attributeValues[i] = new String(chars, 0, charCount);
    return p + 1;
  }

  int endTag() throws XMLStreamException {
    int nameStart = pos + 2;
    int top = depth - 1;
    int n = nameLengths[top];
    int p = nameStart + n;
    // The name can only be the open element's: compare it in place, then check that it ends.
    if (p >= end || NAME_ASCII[b[p] & 0xFF] || b[p] < 0
        || !KnownNames.same(b, nameStart, b, nameStarts[top], n)) {
      throw error(nameStart, "the element <" + names[top] + "> must be ended by the matching end"
          + " tag </" + names[top] + ">");
    }
    if (b[p] != '>') {
      p = skipSpace(p);
      if (p >= end || b[p] != '>') {
        throw error(p, "expected '>' to end the end tag </" + names[top] + ">");
      }
    }
    pos = p + 1;
    return endElement();
  }


  int endElement() {
    depth--;
    name = names[depth];
    attributeCount = 0;
    if (depth == 0) {
      state = EPILOG;
    }
    return event = XMLStreamConstants.END_ELEMENT;
  }

  /**
   * Checks that the document type declaration from {@code p} ends (past quoted strings and an
   * internal subset in brackets), as a reader that reads it would find first.
   */
  void doctypeEnd(int p) throws XMLStreamException {
    byte quote = 0;
    boolean subset = false;
    for (; p < end; p++) {
      byte c = b[p];
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        subset = true;
      } else if (c == ']') {
        subset = false;
      } else if (c == '>' && !subset) {
        return;
      }
    }
    throw error(end, "the document ends inside its document type declaration");
  }

  void comment() throws XMLStreamException {
    int p = pos + 4;
    while (true) {
      if (p + 1 >= end) {
        throw error(end, "the document ends inside a comment");
      }
      if (b[p] == '-' && b[p + 1] == '-') {
        if (p + 2 < end && b[p + 2] == '>') {
          pos = p + 3;
          return;
        }
        throw error(p, "the string \"--\" is not permitted within comments");
      }
      p = skipCharacter(p);
    }
  }

  void processingInstruction() throws XMLStreamException {
    int targetStart = pos + 2;
    int p = scanName(targetStart);
    if (p - targetStart == 3 && (b[targetStart] | 0x20) == 'x' && (b[targetStart + 1] | 0x20) == 'm'
        && (b[targetStart + 2] | 0x20) == 'l') {
      throw error(p, "the processing instruction target \"xml\" (in any case) is reserved: an XML"
          + " declaration may only begin the document");
    }
    if (!startsWith(p, "?>")) {
      if (p >= end || !isSpace(b[p])) {
        throw error(p, "a processing instruction's target must be followed by whitespace or"
            + " \"?>\"");
      }
      while (!startsWith(p, "?>")) {
        if (p >= end) {
          throw error(p, "the document ends inside a processing instruction");
        }
        p = skipCharacter(p);
      }
    }
    pos = p + 2;
  }
}
