package io.mmsdk.cdr;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.Location;
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
final class CdrXmlReader implements XmlEvents {
  /** More attributes on one element than the parser's {@code maxAttributes}. */
  static final class LimitExceeded extends XMLStreamException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String message, Location location) {
      super(message, location);
    }
  }

  private static final int START = 0;
  private static final int PROLOG = 1;
  private static final int CONTENT = 2;
  private static final int EPILOG = 3;
  private static final int DONE = 4;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /** Pairwise duplicate checks up to this many attributes, a hash set beyond. */
  private static final int PAIRWISE_ATTRIBUTES = 16;

  /** Bytes that end a plain run of text: markup, references, CR, ']', controls, non-ASCII. */
  private static final boolean[] TEXT_PLAIN_ASCII = new boolean[256];
  /** As {@link #TEXT_PLAIN_ASCII} for single-byte documents, where 0x80-0xFF are characters. */
  private static final boolean[] TEXT_PLAIN_LATIN1 = new boolean[256];
  /** Bytes of a plain attribute value: no quotes, markup, references, whitespace but space. */
  private static final boolean[] ATTR_PLAIN_ASCII = new boolean[256];
  private static final boolean[] ATTR_PLAIN_LATIN1 = new boolean[256];
  /** ASCII characters that may start a name. */
  private static final boolean[] NAME_START_ASCII = new boolean[256];
  /** ASCII characters that may follow in a name; bytes from 0x80 are looked at one by one. */
  private static final boolean[] NAME_ASCII = new boolean[256];

  static {
    for (int c = 0x20; c < 0x80; c++) {
      TEXT_PLAIN_ASCII[c] = c != '<' && c != '&' && c != ']';
      ATTR_PLAIN_ASCII[c] = c != '<' && c != '&' && c != '"' && c != '\'';
    }
    TEXT_PLAIN_ASCII['\t'] = true;
    TEXT_PLAIN_ASCII['\n'] = true;
    System.arraycopy(TEXT_PLAIN_ASCII, 0, TEXT_PLAIN_LATIN1, 0, 128);
    System.arraycopy(ATTR_PLAIN_ASCII, 0, ATTR_PLAIN_LATIN1, 0, 128);
    for (int c = 0x80; c < 0x100; c++) {
      TEXT_PLAIN_LATIN1[c] = true;
      ATTR_PLAIN_LATIN1[c] = true;
    }
    for (int c = 0; c < 128; c++) {
      boolean start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
      boolean any = start || (c >= '0' && c <= '9') || c == '-' || c == '.';
      NAME_START_ASCII[c] = start;
      NAME_ASCII[c] = any;
    }
  }

  private final byte[] b;
  private final int end;
  private final int maxAttributes;
  private final boolean utf8;
  private final boolean ascii;
  private final boolean[] textPlain;
  private final boolean[] attrPlain;
  private int pos;
  private int state = START;
  private int event = XMLStreamConstants.START_DOCUMENT;
  /** The current START_ELEMENT was {@code <a/>}: the next event is its END_ELEMENT. */
  private boolean pendingEnd;

  /** Open elements: names and where their name bytes are, for matching end tags. */
  private String[] names = new String[16];
  private int[] nameStarts = new int[16];
  private int[] nameLengths = new int[16];
  private int depth;
  private String name;

  private int attributeCount;
  private String[] attributeNames = new String[8];
  /** Whole (prefixed) attribute names, for the duplicate check. */
  private String[] attributeQNames = new String[8];
  /** Decoded values; null where the value is the plain byte range below, made on demand. */
  private String[] attributeValues = new String[8];
  private int[] valueStarts = new int[8];
  private int[] valueEnds = new int[8];
  private Set<String> seenAttributes;

  /** Whether the current text is the byte range {@link #textStart} + {@link #textLength}. */
  private boolean textInBytes;
  private int textStart;
  private int textLength;
  /** Decoded text or attribute value being built; {@link #charCount} chars are valid. */
  private char[] chars = new char[128];
  private int charCount;

  /** Set by {@link #scanName}: the known name it read, or null. */
  private String knownName;
  /** Set by {@link #scanName}: whether the name it read is all ASCII. */
  private boolean nameAscii;

  /**
   * Reads {@code xml} in {@code charset} (UTF-8, US-ASCII or ISO-8859-1, as {@link
   * MarkupCheck#encoding} decided), allowing {@code maxAttributes} attributes per element.
   */
  CdrXmlReader(byte[] xml, Charset charset, int maxAttributes) {
    this.b = xml;
    this.end = xml.length;
    this.maxAttributes = maxAttributes;
    this.utf8 = charset.equals(StandardCharsets.UTF_8);
    this.ascii = charset.equals(StandardCharsets.US_ASCII);
    boolean latin1 = !utf8 && !ascii;
    this.textPlain = latin1 ? TEXT_PLAIN_LATIN1 : TEXT_PLAIN_ASCII;
    this.attrPlain = latin1 ? ATTR_PLAIN_LATIN1 : ATTR_PLAIN_ASCII;
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

  // ---- markup

  /** Reads the XML declaration, if the document starts with one, after a UTF-8 byte order mark. */
  private void declaration() throws XMLStreamException {
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
  private int pseudoAttribute(int p, String keyword) throws XMLStreamException {
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
  private int quoted(int p) throws XMLStreamException {
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

  private int startTag() throws XMLStreamException {
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

  private void push(String n, int nameStart, int nameLength) {
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
  private int attribute(int p, String element) throws XMLStreamException {
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

  private void checkDuplicate(String qname, String element, int at) throws XMLStreamException {
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
  private int attributeValue(int p, byte quote, int i, String qname, String element)
      throws XMLStreamException {
    int start = p;
    boolean[] plain = attrPlain;
    for (;;) {
      if (p + 8 <= end) {
        long w = (long) LONGS.get(b, p);
        long t = below(w, 0x20) | (w & HIGHS) | zeroBytes(w ^ ('<' * ONES))
            | zeroBytes(w ^ ('&' * ONES)) | zeroBytes(w ^ ('"' * ONES))
            | zeroBytes(w ^ ('\'' * ONES));
        if (t == 0) {
          p += 8;
          continue;
        }
        p += Long.numberOfTrailingZeros(t) >>> 3;
      }
      if (p < end && plain[b[p] & 0xFF]) {
        p++;
        continue;
      }
      break;
    }
    if (p < end && b[p] == quote) {
      attributeValues[i] = null;
      valueStarts[i] = start;
      valueEnds[i] = p;
      return p + 1;
    }
    return decodeAttributeValue(start, p, quote, i, qname, element);
  }

  /** Continues {@link #attributeValue(int, byte, int, String, String)} at {@code p}, decoding. */
  private int decodeAttributeValue(int start, int p, byte quote, int i, String qname,
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

  private int endTag() throws XMLStreamException {
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


  private int endElement() {
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
  private void doctypeEnd(int p) throws XMLStreamException {
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

  private void comment() throws XMLStreamException {
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

  private void processingInstruction() throws XMLStreamException {
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

  // ---- text

  /** Reads character data, references and CDATA sections up to the next other markup. */
  private int readText() throws XMLStreamException {
    int p = pos;
    boolean[] plain = textPlain;
    for (;;) {
      // Eight bytes at a time past plain ASCII; the table decides at each stop.
      if (p + 8 <= end) {
        long w = (long) LONGS.get(b, p);
        long t = below(w, 0x20) | (w & HIGHS) | zeroBytes(w ^ ('<' * ONES))
            | zeroBytes(w ^ ('&' * ONES)) | zeroBytes(w ^ (']' * ONES));
        if (t == 0) {
          p += 8;
          continue;
        }
        p += Long.numberOfTrailingZeros(t) >>> 3;
      }
      if (p < end && plain[b[p] & 0xFF]) {
        p++;
        continue;
      }
      break;
    }
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

  /** Appends LF for the CR (and a following LF) at {@code p}. */
  private int lineEnd(int p) {
    append('\n');
    p++;
    return p < end && b[p] == '\n' ? p + 1 : p;
  }

  /**
   * Appends the character starting with byte {@code c} at {@code p} (not markup, not a line end),
   * checking that it is an XML character; returns the position after it.
   */
  private int character(int p, int c) throws XMLStreamException {
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n') {
        throw illegalCharacter(p, c);
      }
      append((char) c);
      return p + 1;
    }
    if (!utf8) {
      if (ascii) {
        throw error(p, "byte 0x" + Integer.toHexString(c) + " is not US-ASCII, the declared"
            + " encoding");
      }
      append((char) c);
      return p + 1;
    }
    int cp = decodeUtf8(p);
    appendCodePoint(cp);
    return p + utf8Length(cp);
  }

  /** Skips one character at {@code p} of a comment or processing instruction, checking it. */
  private int skipCharacter(int p) throws XMLStreamException {
    int c = b[p] & 0xFF;
    if (c >= 0x20 && c < 0x80 || c == '\t' || c == '\n' || c == '\r') {
      return p + 1;
    }
    if (c < 0x80) {
      throw illegalCharacter(p, c);
    }
    if (!utf8) {
      if (ascii) {
        throw error(p, "byte 0x" + Integer.toHexString(c) + " is not US-ASCII, the declared"
            + " encoding");
      }
      return p + 1;
    }
    return p + utf8Length(decodeUtf8(p));
  }

  private XMLStreamException illegalCharacter(int p, int c) {
    return error(p, "an invalid XML character (Unicode: 0x" + Integer.toHexString(c)
        + ") was found");
  }

  /** Decodes the UTF-8 sequence at {@code p}, which must be a legal XML character. */
  private int decodeUtf8(int p) throws XMLStreamException {
    int c = b[p] & 0xFF;
    int cp;
    int n;
    int min;
    if (c >= 0xC2 && c <= 0xDF) {
      cp = c & 0x1F;
      n = 1;
      min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      cp = c & 0x0F;
      n = 2;
      min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      cp = c & 0x07;
      n = 3;
      min = 0x10000;
    } else {
      throw invalidUtf8(p);
    }
    if (p + n >= end) {
      throw invalidUtf8(p);
    }
    for (int i = 1; i <= n; i++) {
      int d = b[p + i] & 0xFF;
      if ((d & 0xC0) != 0x80) {
        throw invalidUtf8(p);
      }
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw invalidUtf8(p);
    }
    if (cp == 0xFFFE || cp == 0xFFFF) {
      throw error(p, "an invalid XML character (Unicode: 0x" + Integer.toHexString(cp)
          + ") was found");
    }
    return cp;
  }

  private XMLStreamException invalidUtf8(int p) {
    return error(p, "the CDR document is not valid UTF-8 at byte " + p);
  }

  private static int utf8Length(int cp) {
    return cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  /** Appends the entity or character reference at {@code p}; returns the position after it. */
  private int reference(int p) throws XMLStreamException {
    int q = p + 1;
    if (q < end && b[q] == '#') {
      q++;
      int radix = 10;
      if (q < end && b[q] == 'x') {
        radix = 16;
        q++;
      }
      int value = 0;
      int digits = 0;
      for (; q < end && b[q] != ';'; q++, digits++) {
        int d = Character.digit(b[q], radix);
        if (d < 0) {
          throw error(q, "a character reference must be digits ended by ';'");
        }
        value = value * radix + d;
        if (value > 0x10FFFF) {
          throw error(p, "a character reference is beyond Unicode");
        }
      }
      if (q >= end || digits == 0) {
        throw error(q, "a character reference must be digits ended by ';'");
      }
      if (!isXmlChar(value)) {
        throw error(p, "character reference &#" + (radix == 16 ? "x" : "")
            + Integer.toString(value, radix) + "; is not a legal XML character");
      }
      appendCodePoint(value);
      return q + 1;
    }
    int e = scanName(q);
    if (e >= end || b[e] != ';') {
      throw error(e, "the reference to an entity must end with ';'");
    }
    int n = e - q;
    char c;
    if (n == 2 && b[q + 1] == 't' && b[q] == 'l') {
      c = '<';
    } else if (n == 2 && b[q + 1] == 't' && b[q] == 'g') {
      c = '>';
    } else if (n == 3 && b[q] == 'a' && b[q + 1] == 'm' && b[q + 2] == 'p') {
      c = '&';
    } else if (n == 4 && b[q] == 'a' && b[q + 1] == 'p' && b[q + 2] == 'o' && b[q + 3] == 's') {
      c = '\'';
    } else if (n == 4 && b[q] == 'q' && b[q + 1] == 'u' && b[q + 2] == 'o' && b[q + 3] == 't') {
      c = '"';
    } else {
      throw error(p, "the entity \"" + name(q, e) + "\" was referenced, but not declared (CDR"
          + " documents use only &lt; &gt; &amp; &apos; &quot; and character references)");
    }
    append(c);
    return e + 1;
  }

  private static boolean isXmlChar(int c) {
    return c >= 0x20
        ? c <= 0xD7FF || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)
        : c == '\t' || c == '\n' || c == '\r';
  }

  // ---- names

  /**
   * Reads an XML name at {@code p} and returns where it ends; sets {@link #knownName} and {@link
   * #nameAscii}.
   */
  private int scanName(int p) throws XMLStreamException {
    // First guess: up to the next byte that ends every name (whitespace, controls, '>', '=',
    // '/'). If that spells a known name, it is the name, known names being valid ones.
    for (int q = p; q + 8 <= end && q - p <= KnownNames.MAX_LENGTH; q += 8) {
      long w = (long) LONGS.get(b, q);
      long t = below(w, 0x21) | zeroBytes(w ^ ('>' * ONES)) | zeroBytes(w ^ ('=' * ONES))
          | zeroBytes(w ^ ('/' * ONES));
      if (t != 0) {
        int e = q + (Long.numberOfTrailingZeros(t) >>> 3);
        String known = KnownNames.find(b, p, e - p);
        if (known != null) {
          knownName = known;
          nameAscii = true;
          return e;
        }
        break;
      }
    }
    knownName = null;
    int start = p;
    boolean[] part = NAME_ASCII;
    if (p < end && NAME_START_ASCII[b[p] & 0xFF]) {
      while (p < end && part[b[p] & 0xFF]) {
        p++;
      }
      if (p >= end || b[p] >= 0) {
        nameAscii = true;
        return p;
      }
    }
    return scanNameBeyondAscii(start, p);
  }

  /** Continues {@link #scanName} at {@code p}, a byte from 0x80 or the name's first byte. */
  private int scanNameBeyondAscii(int start, int p) throws XMLStreamException {
    while (p < end) {
      int c = b[p] & 0xFF;
      if (c < 0x80) {
        if (!(p == start ? NAME_START_ASCII[c] : NAME_ASCII[c])) {
          break;
        }
        p++;
        continue;
      }
      int cp;
      int len;
      if (utf8) {
        cp = decodeUtf8(p);
        len = utf8Length(cp);
      } else if (ascii) {
        break;
      } else {
        cp = c;
        len = 1;
      }
      if (!(p == start ? isNameStart(cp) : isNameStart(cp) || isNamePart(cp))
          || !isLetterDigitOrMark(cp)) {
        break;
      }
      p += len;
    }
    if (p == start) {
      throw error(p, p >= end ? "the document ends where a name was expected"
          : "a name was expected here (a letter, '_' or ':' first)");
    }
    nameAscii = false;
    return p;
  }


  /** The String for the name {@link #scanName} just read at {@code [start, e)}. */
  private String name(int start, int e) {
    if (knownName != null) {
      return knownName;
    }
    return new String(b, start, e - start,
        nameAscii || !utf8 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  /** Marks bytes equal to zero (the lowest mark is exact; marks above it may be false). */
  private static long zeroBytes(long w) {
    return (w - ONES) & ~w & HIGHS;
  }

  /** Marks bytes below {@code n} (at most 0x80), as {@link #zeroBytes} does. */
  private static long below(long w, int n) {
    return (w - n * ONES) & ~w & HIGHS;
  }

  /** XML 1.0 (fifth edition) NameStartChar, beyond ASCII. */
  private static boolean isNameStart(int c) {
    return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
        || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || c == 0x200C
        || c == 0x200D || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF)
        || (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF)
        || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
  }

  /**
   * Whether {@code c} is a letter, digit, mark or the middle dot: within the fifth edition's
   * ranges, this keeps names to the kind of characters the second edition's tables (which the
   * JDK's reader uses) list, and refuses format characters such as U+FEFF.
   */
  private static boolean isLetterDigitOrMark(int c) {
    if (Character.isLetterOrDigit(c) || c == 0xB7) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK || type == Character.LETTER_NUMBER;
  }

  /** The NameChars beyond ASCII that may not start a name. */
  private static boolean isNamePart(int c) {
    return c == 0xB7 || (c >= 0x300 && c <= 0x36F) || c == 0x203F || c == 0x2040;
  }

  // ---- helpers

  private void append(char c) {
    if (charCount == chars.length) {
      chars = Arrays.copyOf(chars, charCount * 2);
    }
    chars[charCount++] = c;
  }

  private void appendCodePoint(int cp) {
    if (cp < 0x10000) {
      append((char) cp);
    } else {
      append(Character.highSurrogate(cp));
      append(Character.lowSurrogate(cp));
    }
  }

  /** Appends plain bytes (ASCII, or ISO-8859-1 in single-byte documents) as chars. */
  private void appendBytes(int from, int to) {
    int n = to - from;
    if (charCount + n > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + n));
    }
    for (int i = from; i < to; i++) {
      chars[charCount++] = (char) (b[i] & 0xFF);
    }
  }

  private int skipSpace(int p) {
    while (p < end && isSpace(b[p])) {
      p++;
    }
    return p;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }

  private static boolean isAsciiLetter(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private boolean startsWith(int p, String s) {
    int n = s.length();
    if (p + n > end) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (b[p + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private XMLStreamException error(int at, String message) {
    return new XMLStreamException(message, location(at));
  }

  /** The line and column of byte {@code at}, counted now: only errors ask. */
  private Location location(int at) {
    int line = 1;
    int column = 1;
    int stop = Math.min(at, end);
    for (int i = 0; i < stop; i++) {
      byte c = b[i];
      if (c == '\n') {
        if (i == 0 || b[i - 1] != '\r') {
          line++;
        }
        column = 1;
      } else if (c == '\r') {
        line++;
        column = 1;
      } else if (!utf8 || (c & 0xC0) != 0x80) {
        column++;
      }
    }
    int l = line;
    int col = column;
    return new Location() {
      @Override
      public int getLineNumber() {
        return l;
      }

      @Override
      public int getColumnNumber() {
        return col;
      }

      @Override
      public int getCharacterOffset() {
        return at;
      }

      @Override
      public String getPublicId() {
        return null;
      }

      @Override
      public String getSystemId() {
        return null;
      }
    };
  }
}
