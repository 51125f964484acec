package io.mmsdk.cdr;

import io.mmsdk.cdr.CdrParseException.Kind;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks a document's raw bytes before a reader sees them, for what the readers cannot bound
 * themselves: the encoding, for every reader (Call Bridges send UTF-8; Aalto fails with a
 * NullPointerException on UTF-16 byte arrays), and, before a StAX implementation, the attributes of
 * one element (both StAX readers spend time quadratic in them: 40,000 attributes or namespace
 * declarations on one element take tens of seconds; {@link CdrXmlReader} counts them itself). One
 * linear pass over the bytes.
 */
final class MarkupCheck {
  private MarkupCheck() {}

  /**
   * Returns the charset of {@code xml}: UTF-8 unless the declaration names US-ASCII or ISO-8859-1.
   *
   * @throws CdrParseException if the document is in any other encoding
   */
  static Charset encoding(byte[] xml) {
    int n = xml.length;
    String found = null;
    if (n >= 2 && ((xml[0] == (byte) 0xFE && xml[1] == (byte) 0xFF)
        || (xml[0] == (byte) 0xFF && xml[1] == (byte) 0xFE))) {
      found = n >= 4 && xml[2] == 0 && xml[3] == 0 ? "UTF-32 (byte order mark)"
          : "UTF-16 (byte order mark)";
    } else if (n >= 4 && xml[0] == 0 && xml[1] == 0) {
      found = "UTF-32 or UCS-4 (zero bytes before '<')";
    } else if (n >= 2 && (xml[0] == 0 || xml[1] == 0)) {
      found = "UTF-16 (zero bytes beside '<')";
    } else if (n >= 4 && xml[0] == 0x4C && xml[1] == 0x6F && xml[2] == (byte) 0xA7
        && xml[3] == (byte) 0x94) {
      found = "EBCDIC ('<?xm' in EBCDIC)";
    } else {
      int start = n >= 3 && xml[0] == (byte) 0xEF && xml[1] == (byte) 0xBB
          && xml[2] == (byte) 0xBF ? 3 : 0;
      String declared = declaredEncoding(xml, start);
      if (declared == null) {
        return StandardCharsets.UTF_8;
      }
      switch (declared.toUpperCase(Locale.ROOT)) {
        case "UTF-8":
        case "UTF8":
          return StandardCharsets.UTF_8;
        case "US-ASCII":
        case "ASCII":
          return StandardCharsets.US_ASCII;
        case "ISO-8859-1":
        case "LATIN1":
          return StandardCharsets.ISO_8859_1;
        default:
          found = "\"" + (declared.length() > 40 ? declared.substring(0, 40) + "..." : declared)
              + "\" (XML declaration)";
      }
    }
    throw new CdrParseException(Kind.UNEXPECTED,
        "CDR document is encoded in " + found + "; only UTF-8 (or its subsets US-ASCII and"
            + " ISO-8859-1) is accepted, which is what Call Bridges send: check what is posting"
            + " to this receiver", "/", 1, 1, null);
  }

  /** Returns the encoding named by an XML declaration at {@code start}, or null. */
  private static String declaredEncoding(byte[] xml, int start) {
    if (!startsWith(xml, start, "<?xml")) {
      return null;
    }
    int end = Math.min(xml.length, start + 256);
    int close = indexOf(xml, start, end, "?>");
    int e = close < 0 ? -1 : indexOf(xml, start, close, "encoding");
    if (e < 0) {
      return null;
    }
    int i = e + "encoding".length();
    while (i < close && (xml[i] == ' ' || xml[i] == '=' || xml[i] == '\t')) {
      i++;
    }
    if (i >= close || (xml[i] != '"' && xml[i] != '\'')) {
      return null;
    }
    byte q = xml[i];
    int j = i + 1;
    while (j < close && xml[j] != q) {
      j++;
    }
    return new String(xml, i + 1, j - i - 1, StandardCharsets.ISO_8859_1);
  }

  /**
   * Fails if one element carries more than {@code maxAttributes} attributes (namespace
   * declarations included). Comments, CDATA sections, processing instructions and quoted
   * attribute values are skipped, so their text is not counted.
   *
   * @throws CdrParseException of kind {@link Kind#LIMIT_EXCEEDED}
   */
  static void attributes(byte[] xml, int maxAttributes) {
    int n = xml.length;
    int i = 0;
    while (i < n) {
      int lt = indexOf(xml, i, n, (byte) '<');
      if (lt < 0 || lt + 1 >= n) {
        return;
      }
      i = lt + 1;
      byte c = xml[i];
      if (c == '!') {
        if (startsWith(xml, i, "!--")) {
          i = skipPast(xml, i + 3, "-->");
        } else if (startsWith(xml, i, "![CDATA[")) {
          i = skipPast(xml, i + 8, "]]>");
        } else {
          return; // a document type declaration: the reader refuses it before any element
        }
      } else if (c == '?') {
        i = skipPast(xml, i + 1, "?>");
      } else if (c == '/') {
        int gt = indexOf(xml, i, n, (byte) '>');
        i = gt < 0 ? n : gt + 1;
      } else {
        int count = 0;
        byte quote = 0;
        for (; i < n; i++) {
          byte d = xml[i];
          if (quote != 0) {
            if (d == quote) {
              quote = 0;
            }
          } else if (d == '"' || d == '\'') {
            quote = d;
          } else if (d == '=') {
            if (++count > maxAttributes) {
              throw tooMany(xml, lt, maxAttributes);
            }
          } else if (d == '>') {
            i++;
            break;
          }
        }
      }
    }
  }

  private static CdrParseException tooMany(byte[] xml, int offset, int max) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (xml[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new CdrParseException(Kind.LIMIT_EXCEEDED,
        "an element has more than " + max + " attributes (namespace declarations included);"
            + " CDR elements carry at most five: this is not a Call Bridge document (raise"
            + " CdrParser.builder().maxAttributes(...) if it really is)",
        "/", line, offset - lineStart + 1, null);
  }

  private static int skipPast(byte[] xml, int from, String end) {
    int j = indexOf(xml, from, xml.length, end);
    return j < 0 ? xml.length : j + end.length();
  }

  private static boolean startsWith(byte[] xml, int at, String s) {
    if (at + s.length() > xml.length) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (xml[at + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] xml, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (xml[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] xml, int from, int to, String s) {
    byte first = (byte) s.charAt(0);
    for (int i = indexOf(xml, from, to, first); i >= 0 && i + s.length() <= to;
        i = indexOf(xml, i + 1, to, first)) {
      if (startsWith(xml, i, s)) {
        return i;
      }
    }
    return -1;
  }
}
