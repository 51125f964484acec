package io.mmsdk.core.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A sorted, escaped key=value text document used by the file-backed stores and by backups. Keys
 * are written in sorted order so files diff well; values use {@link Properties} escaping.
 */
public final class Props {
  private final TreeMap<String, String> map = new TreeMap<>();

  /** Returns an empty document. */
  public static Props create() {
    return new Props();
  }

  /** Parses a document written by {@link #toBytes()}. */
  public static Props parse(byte[] bytes) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Malformed stored data: " + e.getMessage(), e);
    }
    Props props = new Props();
    for (String k : p.stringPropertyNames()) {
      props.map.put(k, p.getProperty(k));
    }
    return props;
  }

  /** Sets {@code key} to {@code value}; a null value removes the key. */
  public Props put(String key, Object value) {
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value.toString());
    }
    return this;
  }

  /** Returns the value of {@code key}, or null. */
  public String get(String key) {
    return map.get(key);
  }

  /** Returns the value of {@code key}, failing with a clear message when it is missing. */
  public String require(String key) {
    String v = map.get(key);
    if (v == null) {
      throw new IllegalArgumentException("Stored data is missing key '" + key + "'; the file is damaged or from another program.");
    }
    return v;
  }

  /** Returns the integer value of {@code key}, or {@code dflt} when absent. */
  public int getInt(String key, int dflt) {
    String v = map.get(key);
    try {
      return v == null ? dflt : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Stored key '" + key + "' is not a number: " + v, e);
    }
  }

  /** Returns the long value of {@code key}, or {@code dflt} when absent. */
  public long getLong(String key, long dflt) {
    String v = map.get(key);
    try {
      return v == null ? dflt : Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Stored key '" + key + "' is not a number: " + v, e);
    }
  }

  /** Returns the boolean value of {@code key}, or {@code dflt} when absent. */
  public boolean getBoolean(String key, boolean dflt) {
    String v = map.get(key);
    return v == null ? dflt : Boolean.parseBoolean(v);
  }

  /** Stores a list of strings as {@code key.count} and {@code key.N}. */
  public Props putList(String key, List<String> values) {
    put(key + ".count", values.size());
    for (int i = 0; i < values.size(); i++) {
      put(key + "." + i, values.get(i));
    }
    return this;
  }

  /** Reads a list written by {@link #putList}. */
  public List<String> getList(String key) {
    int n = getInt(key + ".count", 0);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(require(key + "." + i));
    }
    return out;
  }

  /** Copies every entry under {@code prefix + "."} into a new document with the prefix removed. */
  public Props section(String prefix) {
    Props out = new Props();
    String p = prefix + ".";
    for (Map.Entry<String, String> e : map.subMap(p, p + Character.MAX_VALUE).entrySet()) {
      out.map.put(e.getKey().substring(p.length()), e.getValue());
    }
    return out;
  }

  /** Copies every entry of {@code other} into this document under {@code prefix + "."}. */
  public Props putSection(String prefix, Props other) {
    other.map.forEach((k, v) -> map.put(prefix + "." + k, v));
    return this;
  }

  /** Returns true when the document has no entries. */
  public boolean isEmpty() {
    return map.isEmpty();
  }

  /** Serializes the document as UTF-8 text in sorted key order. */
  public byte[] toBytes() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : map.entrySet()) {
      sb.append(escape(e.getKey(), true)).append('=').append(escape(e.getValue(), false)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String s, boolean key) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\f' -> sb.append("\\f");
        case '=', ':', '#', '!' -> sb.append('\\').append(c);
        case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** Wraps an I/O failure while reading a store file. */
  public static UncheckedIOException readFailure(java.nio.file.Path path, IOException e) {
    return new UncheckedIOException("Could not read " + path + ": " + e.getMessage(), e);
  }
}
