package io.mmsdk.testkit.internal;

import java.util.List;
import java.util.Map;

/** Not API. Writes the XML shapes CMS replies with. Values are Strings, nested Maps or Lists. */
public final class Xml {
  private Xml() {}

  /** Escapes text and attribute values. */
  public static String escape(String s) {
    if (plain(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    appendEscaped(out, s);
    return out.toString();
  }

  /** Appends {@code s} escaped, without a copy when it needs no escaping. */
  static void appendEscaped(StringBuilder out, String s) {
    if (plain(s)) {
      out.append(s);
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
  }

  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '<' || c == '>' || c == '&' || c == '"') {
        return false;
      }
    }
    return true;
  }

  /** Appends {@code <name>text</name>}, or {@code <name/>} for empty text. */
  static void text(StringBuilder out, String name, String text) {
    if (text.isEmpty()) {
      out.append('<').append(name).append("/>");
    } else {
      out.append('<').append(name).append('>');
      appendEscaped(out, text);
      out.append("</").append(name).append('>');
    }
  }

  /** Appends {@code <name attrs>fields</name>}, self-closed when there are no fields. */
  public static void element(StringBuilder out, String name, Map<String, String> attributes,
      Map<String, ?> fields) {
    out.append('<').append(name);
    attributes.forEach((k, v) -> {
      out.append(' ').append(k).append("=\"");
      appendEscaped(out, v);
      out.append('"');
    });
    if (fields.isEmpty()) {
      out.append("/>");
      return;
    }
    out.append('>');
    fields.forEach((k, v) -> value(out, k, v));
    out.append("</").append(name).append('>');
  }

  @SuppressWarnings("unchecked")
  private static void value(StringBuilder out, String name, Object v) {
    if (v instanceof Map<?, ?> m) {
      element(out, name, Map.of(), (Map<String, ?>) m);
    } else if (v instanceof List<?> list) {
      for (Object item : list) {
        value(out, name, item);
      }
    } else {
      text(out, name, String.valueOf(v));
    }
  }

  /** Returns a full document for one element. */
  public static String document(String name, Map<String, String> attributes, Map<String, ?> fields) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?>\n");
    element(out, name, attributes, fields);
    return out.toString();
  }

  /** Returns {@code <failureDetails><reason/></failureDetails>}. */
  public static String failure(String reason) {
    return failure(reason, Map.of());
  }

  /** Returns {@code <failureDetails><reason attributes/></failureDetails>}. */
  public static String failure(String reason, Map<String, String> attributes) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?>\n<failureDetails>");
    element(out, reason, attributes, Map.of());
    return out.append("</failureDetails>").toString();
  }
}
