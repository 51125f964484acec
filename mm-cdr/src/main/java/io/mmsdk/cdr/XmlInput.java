package io.mmsdk.cdr;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * The character level of {@link CdrXmlReader}: a whole document's bytes in UTF-8, US-ASCII or
 * ISO-8859-1 read as XML characters. UTF-8 decoding and the XML character check, character and
 * predefined entity references, names (known ones as the schema's constants), the buffer decoded
 * text and values are built in, and errors with their line and column, counted only when one is
 * made. {@link XmlMarkup} reads tags and other markup on it, {@link CdrXmlReader} the events; the
 * three are one reader split by level, so the hot paths need no calls between objects.
 */
abstract class XmlInput {
  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  static final long ONES = 0x0101010101010101L;
  static final long HIGHS = 0x8080808080808080L;

  /** ASCII characters that may start a name. */
  static final boolean[] NAME_START_ASCII = new boolean[256];
  /** ASCII characters that may follow in a name; bytes from 0x80 are looked at one by one. */
  static final boolean[] NAME_ASCII = new boolean[256];

  static {
    for (int c = 0; c < 128; c++) {
      boolean start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
      boolean any = start || (c >= '0' && c <= '9') || c == '-' || c == '.';
      NAME_START_ASCII[c] = start;
      NAME_ASCII[c] = any;
    }
  }

  final byte[] b;
  final int end;
  final boolean utf8;
  final boolean ascii;
  /** Where reading goes on. */
  int pos;
  /** Decoded text or attribute value being built; {@link #charCount} chars are valid. */
  char[] chars = new char[128];
  int charCount;

  /** Set by {@link #scanName}: the known name it read, or null. */
  String knownName;
  /** Set by {@link #scanName}: whether the name it read is all ASCII. */
  boolean nameAscii;

  /** Reads {@code xml} in {@code charset}: UTF-8, US-ASCII or ISO-8859-1. */
  XmlInput(byte[] xml, Charset charset) {
    this.b = xml;
    this.end = xml.length;
    this.utf8 = charset.equals(StandardCharsets.UTF_8);
    this.ascii = charset.equals(StandardCharsets.US_ASCII);
  }

  /** Appends LF for the CR (and a following LF) at {@code p}. */
  int lineEnd(int p) {
    append('\n');
    p++;
    return p < end && b[p] == '\n' ? p + 1 : p;
  }

  /**
   * Appends the character starting with byte {@code c} at {@code p} (not markup, not a line end),
   * checking that it is an XML character; returns the position after it.
   */
  int character(int p, int c) throws XMLStreamException {
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
  int skipCharacter(int p) throws XMLStreamException {
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

  XMLStreamException illegalCharacter(int p, int c) {
    return error(p, "an invalid XML character (Unicode: 0x" + Integer.toHexString(c)
        + ") was found");
  }

  /** Decodes the UTF-8 sequence at {@code p}, which must be a legal XML character. */
  int decodeUtf8(int p) throws XMLStreamException {
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

  XMLStreamException invalidUtf8(int p) {
    return error(p, "the CDR document is not valid UTF-8 at byte " + p);
  }

  static int utf8Length(int cp) {
    return cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  /** Appends the entity or character reference at {@code p}; returns the position after it. */
  int reference(int p) throws XMLStreamException {
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

  static boolean isXmlChar(int c) {
    return c >= 0x20
        ? c <= 0xD7FF || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)
        : c == '\t' || c == '\n' || c == '\r';
  }

  // ---- names

  /**
   * Reads an XML name at {@code p} and returns where it ends; sets {@link #knownName} and {@link
   * #nameAscii}.
   */
  int scanName(int p) throws XMLStreamException {
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
  int scanNameBeyondAscii(int start, int p) throws XMLStreamException {
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
  String name(int start, int e) {
    if (knownName != null) {
      return knownName;
    }
    return new String(b, start, e - start,
        nameAscii || !utf8 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  /**
   * Returns where the run of plain bytes from {@code p} ends: eight bytes at a time past ASCII
   * other than controls and the four {@code stop} bytes (give one twice for three), then byte by
   * byte while {@code plain} says so. The caller looks at the byte it stopped at.
   */
  final int plainRun(int p, boolean[] plain, char stop1, char stop2, char stop3, char stop4) {
    for (;;) {
      if (p + 8 <= end) {
        long w = (long) LONGS.get(b, p);
        long t = below(w, 0x20) | (w & HIGHS) | zeroBytes(w ^ (stop1 * ONES))
            | zeroBytes(w ^ (stop2 * ONES)) | zeroBytes(w ^ (stop3 * ONES))
            | zeroBytes(w ^ (stop4 * ONES));
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
      return p;
    }
  }

  /** Marks bytes equal to zero (the lowest mark is exact; marks above it may be false). */
  static long zeroBytes(long w) {
    return (w - ONES) & ~w & HIGHS;
  }

  /** Marks bytes below {@code n} (at most 0x80), as {@link #zeroBytes} does. */
  static long below(long w, int n) {
    return (w - n * ONES) & ~w & HIGHS;
  }

  /** XML 1.0 (fifth edition) NameStartChar, beyond ASCII. */
  static boolean isNameStart(int c) {
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
  static boolean isLetterDigitOrMark(int c) {
    if (Character.isLetterOrDigit(c) || c == 0xB7) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK || type == Character.LETTER_NUMBER;
  }

  /** The NameChars beyond ASCII that may not start a name. */
  static boolean isNamePart(int c) {
    return c == 0xB7 || (c >= 0x300 && c <= 0x36F) || c == 0x203F || c == 0x2040;
  }

  // ---- helpers

  void append(char c) {
    if (charCount == chars.length) {
      chars = Arrays.copyOf(chars, charCount * 2);
    }
    chars[charCount++] = c;
  }

  void appendCodePoint(int cp) {
    if (cp < 0x10000) {
      append((char) cp);
    } else {
      append(Character.highSurrogate(cp));
      append(Character.lowSurrogate(cp));
    }
  }

  /** Appends plain bytes (ASCII, or ISO-8859-1 in single-byte documents) as chars. */
  void appendBytes(int from, int to) {
    int n = to - from;
    if (charCount + n > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + n));
    }
    for (int i = from; i < to; i++) {
      chars[charCount++] = (char) (b[i] & 0xFF);
    }
  }

  int skipSpace(int p) {
    while (p < end && isSpace(b[p])) {
      p++;
    }
    return p;
  }

  static boolean isSpace(byte c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }

  static boolean isAsciiLetter(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  boolean startsWith(int p, String s) {
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

  XMLStreamException error(int at, String message) {
    return new XMLStreamException(message, location(at));
  }

  /** The line and column of byte {@code at}, counted now: only errors ask. */
  Location location(int at) {
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
