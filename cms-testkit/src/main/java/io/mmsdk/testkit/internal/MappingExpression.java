package io.mmsdk.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Not API. Evaluates a CMS LDAP mapping expression: literals with {@code $attr$} substitutions and the
 * sed-like {@code $attr|'/regex/replacement/option'$} transform ({@code g} replaces every match,
 * {@code \0}..{@code \9} refer to groups, POSIX classes like {@code [[:digit:]]} are accepted).
 */
final class MappingExpression {
  private MappingExpression() {}

  /** Returns the expanded expression, or throws IllegalArgumentException when it is malformed. */
  static String evaluate(String expression, Function<String, String> attributes) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      int end = i + 1;
      boolean quoted = false;
      while (end < expression.length()) {
        char d = expression.charAt(end);
        if (quoted && d == '\\') {
          end += 2;
          continue;
        }
        if (d == '\'') {
          quoted = !quoted;
        } else if (d == '$' && !quoted) {
          break;
        }
        end++;
      }
      if (end >= expression.length()) {
        throw new IllegalArgumentException("unterminated $...$ in mapping '" + expression + "'");
      }
      out.append(substitute(expression.substring(i + 1, end), attributes));
      i = end + 1;
    }
    return out.toString();
  }

  private static String substitute(String body, Function<String, String> attributes) {
    int bar = body.indexOf('|');
    String attribute = bar < 0 ? body : body.substring(0, bar);
    String value = attributes.apply(attribute);
    if (value == null) {
      value = "";
    }
    if (bar < 0) {
      return value;
    }
    String transform = body.substring(bar + 1);
    if (transform.length() < 2 || transform.charAt(0) != '\'' || !transform.endsWith("'")) {
      throw new IllegalArgumentException("transform must be quoted: '" + transform + "'");
    }
    return sed(unquote(transform.substring(1, transform.length() - 1)), value);
  }

  private static String unquote(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '\\')) {
        out.append(s.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String sed(String expression, String value) {
    if (expression.isEmpty()) {
      throw new IllegalArgumentException("empty transform");
    }
    char separator = expression.charAt(0);
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 1; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '\\' && i + 1 < expression.length() && expression.charAt(i + 1) == separator) {
        part.append(separator);
        i++;
      } else if (c == separator) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    if (parts.size() != 3) {
      throw new IllegalArgumentException("transform must be /regex/replacement/option: " + expression);
    }
    Pattern regex;
    try {
      regex = Pattern.compile(posix(parts.get(0)));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("bad regex in transform: " + parts.get(0), e);
    }
    boolean global = parts.get(2).toLowerCase(Locale.ROOT).contains("g");
    Matcher m = regex.matcher(value);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(value, last, m.start());
      out.append(replacement(parts.get(1), m));
      last = m.end();
      if (!global) {
        break;
      }
    }
    out.append(value.substring(last));
    return out.toString();
  }

  private static String replacement(String format, Matcher m) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '\\' && i + 1 < format.length() && Character.isDigit(format.charAt(i + 1))) {
        int group = format.charAt(++i) - '0';
        if (group <= m.groupCount() && m.group(group) != null) {
          out.append(m.group(group));
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String posix(String regex) {
    return regex.replace("[:digit:]", "\\p{Digit}").replace("[:alpha:]", "\\p{Alpha}")
        .replace("[:alnum:]", "\\p{Alnum}").replace("[:upper:]", "\\p{Upper}")
        .replace("[:lower:]", "\\p{Lower}").replace("[:space:]", "\\s")
        .replace("[:punct:]", "\\p{Punct}");
  }
}
