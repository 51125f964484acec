package io.mmsdk.core.internal;

import java.util.ArrayList;
import java.util.List;

/** Tab-separated fields on one line, with backslash escapes for tab, newline, CR and backslash. */
public final class Fields {
  private Fields() {}

  /** Joins {@code fields} into one escaped line (without the trailing newline). */
  public static String join(String... fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append('\t');
      }
      String f = fields[i];
      for (int j = 0; j < f.length(); j++) {
        char c = f.charAt(j);
        switch (c) {
          case '\\' -> sb.append("\\\\");
          case '\t' -> sb.append("\\t");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          default -> sb.append(c);
        }
      }
    }
    return sb.toString();
  }

  /** Splits a line written by {@link #join} back into its fields. */
  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        out.add(cur.toString());
        cur.setLength(0);
      } else if (c == '\\' && i + 1 < line.length()) {
        char n = line.charAt(++i);
        cur.append(switch (n) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
