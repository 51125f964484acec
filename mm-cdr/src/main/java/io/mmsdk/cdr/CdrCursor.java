package io.mmsdk.cdr;

import io.mmsdk.cdr.CdrParseException.Kind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * A position in one CDR document: the {@link XmlEvents} below it, the element path above it, and
 * the hardening limits (nesting depth, text length, unknown elements kept) enforced on every step.
 * It knows XML, not CDRs: {@link StaxCdrReader} walks it with {@link RecordSchema}, and leaf texts
 * decode through {@link Scalar}. Every error it raises is a {@link CdrParseException} carrying the
 * path, line and column. Not thread-safe; used for one document.
 */
final class CdrCursor {
  private final int maxTextLength;
  private final int maxDepth;
  private final int maxUnknownElements;
  /** Element names from the root down to the current element; {@code depth} of them are valid. */
  private final String[] path;
  /** Holds a short text while it is checked for a plain scalar form. */
  private final char[] scratch = new char[32];
  private XmlEvents r;
  private int depth;
  private int recordNumber;
  private int unknownElements;
  private String lastTimeText;
  private Instant lastTime;

  CdrCursor(StaxCdrReader.Limits limits) {
    this.maxTextLength = limits.maxTextLength();
    this.maxDepth = limits.maxDepth();
    this.maxUnknownElements = limits.maxUnknownElements();
    this.path = new String[maxDepth + 1];
  }

  /** Starts reading from {@code events}. */
  void open(XmlEvents events) {
    r = events;
  }

  void close() throws XMLStreamException {
    r.close();
  }

  /** Returns the next event of any kind, as {@link XmlEvents#next()}. */
  int next() throws XMLStreamException {
    return r.next();
  }

  boolean hasNext() throws XMLStreamException {
    return r.hasNext();
  }

  /** Skips comments, processing instructions and whitespace; refuses DTDs and entities. */
  int nextSignificant() throws XMLStreamException {
    while (true) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.COMMENT:
        case XMLStreamConstants.PROCESSING_INSTRUCTION:
        case XMLStreamConstants.SPACE:
        case XMLStreamConstants.START_DOCUMENT:
          continue;
        case XMLStreamConstants.DTD:
          throw error(Kind.UNEXPECTED,
              "document type declarations are not accepted in CDR documents (DTDs enable entity"
                  + " expansion and external entity attacks)",
              null);
        case XMLStreamConstants.ENTITY_REFERENCE:
          throw error(Kind.UNEXPECTED,
              "entity reference &" + r.localName() + "; is not accepted in CDR documents", null);
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
          if (r.isWhiteSpace()) {
            continue;
          }
          throw error(Kind.UNEXPECTED, "unexpected text \"" + abbreviate(r.text()) + "\"", null);
        case XMLStreamConstants.END_DOCUMENT:
          throw error(Kind.UNEXPECTED, "CDR document ended before its root element", null);
        default:
          return ev;
      }
    }
  }

  /** Enters the current START_ELEMENT and returns its local name. */
  String push() {
    if (depth >= maxDepth) {
      throw error(Kind.LIMIT_EXCEEDED,
          "elements are nested deeper than " + maxDepth + " levels; CDRs are at most 6 deep", null);
    }
    // The record number is added only when a path is printed, to keep the hot path allocation-free.
    String name = r.localName();
    path[depth++] = name;
    return name;
  }

  /** Leaves the current element; the current event is its END_ELEMENT. */
  void pop() {
    depth--;
  }

  /** Counts one more {@code <record>}, the number shown in error paths. */
  void nextRecord() {
    recordNumber++;
  }

  String localName() {
    return r.localName();
  }

  int attributeCount() {
    return r.attributeCount();
  }

  String attributeLocalName(int index) {
    return r.attributeName(index);
  }

  String attributeValue(int index) {
    return r.attributeValue(index);
  }

  /** Returns the trimmed value of attribute {@code name}, or null if it is absent or blank. */
  String attribute(String name) {
    return trimToNull(r.attributeValue(name));
  }

  /**
   * Reads the attribute at {@code index} (-1 if absent) of the current {@code <record>} as a
   * non-negative whole number; an absent one is an error if {@code required}, else 0.
   */
  long recordNumberAttribute(String name, int index, boolean required) {
    if (index >= 0) {
      // Decoded in place, without a String, where the reader can; anything odd takes the slow path.
      long n = r.attributeAsLong(index);
      if (n >= 0) {
        return n;
      }
    }
    String v = index < 0 ? null : trimToNull(r.attributeValue(index));
    if (v == null) {
      if (required) {
        throw error(Kind.UNEXPECTED, "<record> has no " + name + " attribute", null);
      }
      return 0;
    }
    try {
      long n = Long.parseLong(v);
      if (n < 0) {
        throw new NumberFormatException("negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw error(Kind.UNEXPECTED,
          name + "=\"" + abbreviate(v) + "\" is not a non-negative whole number", e);
    }
  }

  /** Reads the {@code time} attribute at {@code index} (-1 if absent) as an instant. */
  Instant time(int index) {
    // Records of one batch usually share their second: reuse the last result, without a String.
    if (index >= 0 && lastTimeText != null && r.attributeEquals(index, lastTimeText)) {
      return lastTime;
    }
    String v = index < 0 ? null : trimToNull(r.attributeValue(index));
    if (v == null) {
      throw error(Kind.UNEXPECTED, "<record> has no time attribute", null);
    }
    if (v.equals(lastTimeText)) {
      return lastTime;
    }
    Instant fast = Scalar.plainUtc(v);
    try {
      lastTime = fast != null ? fast : OffsetDateTime.parse(v).toInstant();
      lastTimeText = v;
      return lastTime;
    } catch (DateTimeParseException e) {
      throw error(Kind.UNEXPECTED,
          "time=\"" + abbreviate(v) + "\" is not an RFC 3339 time like 2014-02-28T16:03:25Z", e);
    }
  }

  /**
   * Decodes {@code value} of the leaf or attribute {@code name} as {@code kind}: a value {@link
   * #readScalar} already decoded (or null) as is, text through {@link Scalar}; blank text is null.
   */
  Object decode(Scalar kind, String name, Object value) {
    if (!(value instanceof String s)) {
      return value;
    }
    String v = s.trim();
    int n = v.length();
    if (n == 0) {
      return null;
    }
    if (n <= scratch.length) {
      v.getChars(0, n, scratch, 0);
      Object plain = kind.plain(scratch, n);
      if (plain != null) {
        return plain;
      }
    }
    try {
      return kind.parse(v);
    } catch (NumberFormatException e) {
      throw error(Kind.UNEXPECTED, kind.problem(name, abbreviate(v)), e);
    }
  }

  /** Reads the current element's trimmed text if it has no child elements, else null. */
  String leaf() throws XMLStreamException {
    Object v = readLeafOrRaw(r.localName());
    return v instanceof String s ? s : null;
  }

  /**
   * Reads the current element. Returns its trimmed text if it has no child elements, otherwise a
   * {@link RawElement} so that nothing is lost.
   */
  Object readLeafOrRaw(String name) throws XMLStreamException {
    return readLeafFrom(name, attributes(), null, r.next());
  }

  /**
   * Reads the current element like {@link #readLeafOrRaw}, but when it is a plain leaf whose text
   * is in {@code kind}'s {@linkplain Scalar#plain plain form}, returns that value (Long, Integer,
   * Double or Boolean) without making a String. Anything else, including a malformed value, comes
   * back as {@link #readLeafOrRaw} gives it, so that {@link #decode} reports it.
   */
  Object readScalar(String name, Scalar kind) throws XMLStreamException {
    if (r.attributeCount() != 0) {
      return readLeafOrRaw(name);
    }
    int ev = r.next();
    if (ev != XMLStreamConstants.CHARACTERS) {
      return readLeafFrom(name, Map.of(), null, ev);
    }
    int len = r.textLength();
    if (len > scratch.length || len > maxTextLength) {
      return readLeafFrom(name, Map.of(), null, ev);
    }
    r.textCharacters(scratch, len);
    ev = r.next();
    if (ev == XMLStreamConstants.END_ELEMENT) {
      Object v = kind.plain(scratch, len);
      if (v != null) {
        pop();
        return v;
      }
    }
    return readLeafFrom(name, Map.of(), new String(scratch, 0, len), ev);
  }

  /** Continues reading a leaf or raw element from the event {@code ev}. */
  private Object readLeafFrom(String name, Map<String, String> attrs, String first, int ev)
      throws XMLStreamException {
    String single = first;
    StringBuilder sb = null;
    List<RawElement> children = null;
    for (;; ev = r.next()) {
      switch (ev) {
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
          String t = r.text();
          if (single == null && sb == null) {
            single = t;
          } else {
            if (sb == null) {
              sb = new StringBuilder(single);
            }
            sb.append(t);
          }
          checkTextLength(name, sb == null ? single.length() : sb.length());
          break;
        case XMLStreamConstants.START_ELEMENT:
          push();
          if (children == null) {
            children = new ArrayList<>(2);
          }
          children.add(readRaw());
          break;
        case XMLStreamConstants.END_ELEMENT:
          pop();
          String text = sb != null ? sb.toString().trim() : single == null ? "" : single.trim();
          if (children == null && attrs.isEmpty()) {
            return text;
          }
          countUnknown();
          return new RawElement(name, attrs, text, children == null ? List.of() : children);
        case XMLStreamConstants.DTD:
        case XMLStreamConstants.ENTITY_REFERENCE:
          throw error(Kind.UNEXPECTED, "entity references are not accepted in CDR documents", null);
        default:
          break;
      }
    }
  }

  /** Reads the current element and everything inside it as a {@link RawElement}. */
  RawElement readRaw() throws XMLStreamException {
    countUnknown();
    String name = r.localName();
    Map<String, String> attrs = attributes();
    StringBuilder sb = new StringBuilder();
    List<RawElement> children = new ArrayList<>(0);
    while (true) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
          sb.append(r.text());
          checkTextLength(name, sb.length());
          break;
        case XMLStreamConstants.START_ELEMENT:
          push();
          children.add(readRaw());
          break;
        case XMLStreamConstants.END_ELEMENT:
          pop();
          return new RawElement(name, attrs, sb.toString().trim(), children);
        case XMLStreamConstants.DTD:
        case XMLStreamConstants.ENTITY_REFERENCE:
          throw error(Kind.UNEXPECTED, "entity references are not accepted in CDR documents", null);
        default:
          break;
      }
    }
  }

  private void checkTextLength(String name, int length) {
    if (length > maxTextLength) {
      throw error(Kind.LIMIT_EXCEEDED,
          "text of <" + name + "> is longer than " + maxTextLength
              + " characters; raise CdrParser.builder().maxTextLength(...) if expected",
          null);
    }
  }

  /** Counts one more element kept as a {@link RawElement}, failing past the limit. */
  private void countUnknown() {
    if (++unknownElements > maxUnknownElements) {
      throw error(Kind.LIMIT_EXCEEDED,
          "CDR batch has more than " + maxUnknownElements + " unknown elements; raise"
              + " CdrParser.builder().maxUnknownElements(...) if a newer Call Bridge really sends"
              + " this many",
          null);
    }
  }

  /** Skips the current element's content, up to and including its END_ELEMENT. */
  void skipContent() throws XMLStreamException {
    int level = 1;
    while (level > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        push();
        level++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        pop();
        level--;
      } else if (ev == XMLStreamConstants.CHARACTERS && r.textLength() > maxTextLength) {
        throw error(Kind.LIMIT_EXCEEDED,
            "text is longer than " + maxTextLength + " characters", null);
      } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
        throw error(Kind.UNEXPECTED, "entity references are not accepted in CDR documents", null);
      }
    }
  }

  private Map<String, String> attributes() {
    int n = r.attributeCount();
    if (n == 0) {
      return Map.of();
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(r.attributeName(i), r.attributeValue(i));
    }
    return m;
  }

  /** Returns where the cursor is, for example {@code /records/record[3]/callLeg}. */
  String pathString() {
    if (depth == 0) {
      return "/";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      sb.append('/').append(path[i]);
      if (i == 1 && "record".equals(path[i])) {
        sb.append('[').append(recordNumber).append(']');
      }
    }
    return sb.toString();
  }

  /** Returns a parse error at the current path, line and column. */
  CdrParseException error(Kind kind, String problem, Throwable cause) {
    int line = -1;
    int column = -1;
    if (r != null) {
      try {
        line = r.line();
        column = r.column();
      } catch (RuntimeException ignored) {
        // Location is best effort; the reader may already be unusable.
      }
    }
    return new CdrParseException(kind, problem, pathString(), line, column, cause);
  }

  static String trimToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    return t.isEmpty() ? null : t;
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
