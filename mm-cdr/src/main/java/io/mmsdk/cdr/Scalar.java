package io.mmsdk.cdr;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The scalar kinds of CDR leaves and how their text decodes. Each kind decodes in two steps: {@link
 * #plain} reads the plain forms a Call Bridge sends straight from characters, without a String;
 * {@link #parse} is the full conversion, which also decides what the plain form does not cover
 * (signs, exponents, whitespace). Both give the same value wherever both apply.
 */
enum Scalar {
  /** A whole number, any sign ({@code Long.parseLong}). */
  LONG(18) {
    @Override
    Object parse(String v) {
      return Long.parseLong(v);
    }
  },
  /** A whole number that fits an int ({@code Integer.parseInt}). */
  INT(9) {
    @Override
    Object parse(String v) {
      return Integer.parseInt(v);
    }
  },
  /** A decimal number ({@code Double.parseDouble}). */
  DOUBLE(15) {
    @Override
    Object parse(String v) {
      return Double.parseDouble(v);
    }

    @Override
    String problem(String name, String v) {
      return name + " is \"" + v + "\", expected a decimal number like 98.9";
    }
  },
  /** A flag: {@code true} in any case is true, any other text false. */
  BOOL(0) {
    @Override
    Object parse(String v) {
      return "true".equalsIgnoreCase(v);
    }
  };

  private static final double[] POW10 = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

  /** The most digits a plain form may have so that the value is exact in the result type. */
  private final int maxDigits;

  Scalar(int maxDigits) {
    this.maxDigits = maxDigits;
  }

  /**
   * Converts trimmed, non-empty text.
   *
   * @throws NumberFormatException if the text is not of this kind
   */
  abstract Object parse(String v);

  /** Says what is wrong with {@code v}, the (abbreviated) text of {@code name}. */
  String problem(String name, String v) {
    return "<" + name + "> is \"" + v + "\", expected a whole number";
  }

  /**
   * Decodes the plain form in {@code c[0..len)}, as {@link #parse} would, or returns null for
   * anything else (including whitespace), which is then left to {@link #parse}. Plain forms are:
   * {@code true} in any case and {@code false} for flags; at most {@link #maxDigits} ASCII digits,
   * with one inner point for decimals.
   */
  final Object plain(char[] c, int len) {
    if (len == 0) {
      return null;
    }
    if (this == BOOL) {
      if (len == 4 && (c[0] | 0x20) == 't' && (c[1] | 0x20) == 'r' && (c[2] | 0x20) == 'u'
          && (c[3] | 0x20) == 'e') {
        return Boolean.TRUE;
      }
      if (len == 5 && c[0] == 'f' && c[1] == 'a' && c[2] == 'l' && c[3] == 's' && c[4] == 'e') {
        return Boolean.FALSE;
      }
      return null;
    }
    long m = 0;
    int digits = 0;
    int point = -1;
    for (int i = 0; i < len; i++) {
      char ch = c[i];
      if (ch >= '0' && ch <= '9') {
        m = m * 10 + (ch - '0');
        digits++;
      } else if (ch == '.' && this == DOUBLE && point < 0 && i > 0 && i < len - 1) {
        point = i;
      } else {
        return null;
      }
    }
    if (digits > maxDigits) {
      return null;
    }
    switch (this) {
      case LONG:
        return m;
      case INT:
        return (int) m;
      default:
        // Both operands are exact doubles, so one division is correctly rounded: same as
        // parseDouble.
        return point < 0 ? (double) m : m / POW10[len - 1 - point];
    }
  }

  /**
   * Parses the form the Call Bridge always sends for times, {@code 2014-02-28T16:03:25Z}, without a
   * formatter; returns null for anything else, which is left to {@code OffsetDateTime.parse}.
   */
  static Instant plainUtc(String v) {
    if (v.length() != 20 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T'
        || v.charAt(13) != ':' || v.charAt(16) != ':' || v.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 2);
    int day = digits(v, 8, 2);
    int hour = digits(v, 11, 2);
    int minute = digits(v, 14, 2);
    int second = digits(v, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null; // let the full parser produce the error message
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int count) {
    int n = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
