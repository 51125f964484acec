package io.mmsdk.provisioning.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A parsed CMS LDAP field mapping such as {@code $cn$'s space} or {@code
 * $mail|'/@test/@xmpp/'$}. Parsing is strict so that typos fail before anything is sent.
 */
public final class MappingExpression {

  private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)*");
  private static final Map<String, String> POSIX_CLASSES =
      Map.of(
          "[:digit:]", "\\p{Digit}",
          "[:alpha:]", "\\p{Alpha}",
          "[:alnum:]", "\\p{Alnum}",
          "[:upper:]", "\\p{Upper}",
          "[:lower:]", "\\p{Lower}",
          "[:space:]", "\\s",
          "[:punct:]", "\\p{Punct}",
          "[:xdigit:]", "\\p{XDigit}");

  private final String source;
  private final List<Part> parts;

  private MappingExpression(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  /** One piece of an expression: literal text or an attribute reference. */
  sealed interface Part permits Literal, AttributeRef {}

  record Literal(String text) implements Part {}

  record AttributeRef(String attribute, Pattern regex, String replacement, boolean global)
      implements Part {}

  /** A syntax error at a 0-based column. */
  public static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int column;

    SyntaxError(String message, int column) {
      super(message);
      this.column = column;
    }

    /** Returns the 0-based column of the error. */
    public int column() {
      return column;
    }
  }

  /** Parses {@code source}; throws {@link SyntaxError} with a column when it is malformed. */
  public static MappingExpression parse(String source) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c != '$') {
        literal.append(c);
        i++;
        continue;
      }
      if (literal.length() > 0) {
        parts.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
      int start = i;
      i++;
      int nameStart = i;
      while (i < n && source.charAt(i) != '$' && source.charAt(i) != '|') {
        i++;
      }
      if (i >= n) {
        throw new SyntaxError("'$' at column " + start + " is not closed; write $attribute$", start);
      }
      String name = source.substring(nameStart, i);
      if (name.isEmpty()) {
        throw new SyntaxError("empty attribute name at column " + start + "; write $attribute$", start);
      }
      if (!ATTRIBUTE.matcher(name).matches()) {
        throw new SyntaxError(
            "'" + name + "' at column " + nameStart
                + " is not an LDAP attribute name (letters, digits and '-', starting with a letter)",
            nameStart);
      }
      if (source.charAt(i) == '$') {
        parts.add(new AttributeRef(name, null, null, false));
        i++;
        continue;
      }
      i = parseTransform(source, i + 1, name, parts);
    }
    if (literal.length() > 0) {
      parts.add(new Literal(literal.toString()));
    }
    return new MappingExpression(source, parts);
  }

  private static int parseTransform(String s, int i, String name, List<Part> parts) {
    int n = s.length();
    if (i >= n || s.charAt(i) != '\'') {
      throw new SyntaxError(
          "expected ' after '|' at column " + (i - 1) + "; the form is $attr|'/regex/replacement/option'$", i);
    }
    i++;
    if (i >= n) {
      throw new SyntaxError("transform at column " + i + " is not closed", i);
    }
    char sep = s.charAt(i);
    if (sep == '\'' || sep == '\\' || Character.isDigit(sep)) {
      throw new SyntaxError(
          "'" + sep + "' at column " + i + " cannot be the separator (not ', \\ or a digit)", i);
    }
    i++;
    StringBuilder regex = new StringBuilder();
    i = readSection(s, i, sep, regex, true);
    StringBuilder replacement = new StringBuilder();
    i = readSection(s, i, sep, replacement, false);
    int optStart = i;
    while (i < n && s.charAt(i) != '\'') {
      i++;
    }
    if (i >= n) {
      throw new SyntaxError("transform option at column " + optStart + " is not closed with '", optStart);
    }
    String option = s.substring(optStart, i);
    if (!option.isEmpty() && !option.equals("g")) {
      throw new SyntaxError("option '" + option + "' at column " + optStart + " must be 'g' or empty", optStart);
    }
    i++;
    if (i >= n || s.charAt(i) != '$') {
      throw new SyntaxError("expected '$' at column " + i + " to close the transform", i);
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(translatePosix(regex.toString()));
    } catch (PatternSyntaxException e) {
      throw new SyntaxError("regular expression '" + regex + "' is invalid: " + e.getDescription(), optStart);
    }
    parts.add(new AttributeRef(name, pattern, replacement.toString(), option.equals("g")));
    return i + 1;
  }

  private static int readSection(String s, int i, char sep, StringBuilder out, boolean regex) {
    int n = s.length();
    int start = i;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < n) {
        char next = s.charAt(i + 1);
        if (next == sep || next == '\'') {
          out.append(regex ? Pattern.quote(String.valueOf(next)) : String.valueOf(next));
        } else if (!regex && Character.isDigit(next)) {
          out.append('\u0000').append(next);
        } else if (!regex && next == '\\') {
          out.append('\\');
        } else {
          out.append(c).append(next);
        }
        i += 2;
        continue;
      }
      if (c == '\'') {
        throw new SyntaxError("unescaped ' at column " + i + " inside a transform; write \\'", i);
      }
      if (c == sep) {
        return i + 1;
      }
      out.append(c);
      i++;
    }
    throw new SyntaxError(
        "transform section starting at column " + start + " is not closed with '" + sep + "'", start);
  }

  private static String translatePosix(String regex) {
    String out = regex;
    for (Map.Entry<String, String> e : POSIX_CLASSES.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  /** Returns the text the expression was parsed from. */
  public String source() {
    return source;
  }

  /** Returns the attribute names the expression reads, in order of first use. */
  public Set<String> attributes() {
    Set<String> names = new LinkedHashSet<>();
    for (Part p : parts) {
      if (p instanceof AttributeRef a) {
        names.add(a.attribute());
      }
    }
    return names;
  }

  /**
   * Evaluates the expression; {@code values} returns an attribute's first value or null. Returns
   * null when a referenced attribute is missing (CMS cannot build the value either).
   */
  public String evaluate(Function<String, String> values) {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Literal l) {
        out.append(l.text());
      } else {
        AttributeRef a = (AttributeRef) p;
        String value = values.apply(a.attribute());
        if (value == null) {
          return null;
        }
        out.append(a.regex() == null ? value : transform(a, value));
      }
    }
    return out.toString();
  }

  private static String transform(AttributeRef a, String value) {
    Matcher m = a.regex().matcher(value);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(value, last, m.start());
      String r = a.replacement();
      for (int k = 0; k < r.length(); k++) {
        char c = r.charAt(k);
        if (c == '\u0000' && k + 1 < r.length()) {
          int group = r.charAt(++k) - '0';
          if (group <= m.groupCount()) {
            String g = m.group(group);
            out.append(g == null ? "" : g);
          }
        } else {
          out.append(c);
        }
      }
      last = m.end();
      if (!a.global()) {
        break;
      }
    }
    out.append(value, last, value.length());
    return out.toString();
  }
}
