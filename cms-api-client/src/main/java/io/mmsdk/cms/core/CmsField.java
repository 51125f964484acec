package io.mmsdk.cms.core;

import static java.util.Objects.requireNonNull;

import io.mmsdk.common.MmSdkException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A typed key for one element of a CMS object: its wire name (a slash path for nested elements)
 * and how its text converts to and from a Java value. Constants for the blueprint's fields are in
 * {@link io.mmsdk.cms.CmsFields}; other fields can be declared with the factory methods.
 *
 * <p>Conversions: booleans are {@code true}/{@code false}; integers and decimals are plain
 * numbers; instants are RFC 3339 / ISO-8601 UTC; enumerations keep the raw string.
 *
 * @param <T> the Java type of the value
 */
public final class CmsField<T> {
  private final String name;
  private final String kind;
  private final Function<String, T> parser;
  private final Function<T, String> formatter;
  private final List<String> knownValues;

  private CmsField(
      String name,
      String kind,
      Function<String, T> parser,
      Function<T, String> formatter,
      List<String> knownValues) {
    this.name = requireNonNull(name, "name == null");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name is empty; expected an element name such as \"uri\"");
    }
    this.kind = kind;
    this.parser = parser;
    this.formatter = formatter;
    this.knownValues = knownValues;
  }

  /**
   * {@return a text field}
   *
   * @param name the element or parameter name
   */
  public static CmsField<String> text(String name) {
    return new CmsField<>(name, "text", s -> s, s -> s, List.of());
  }

  /**
   * {@return a boolean field ({@code true}/{@code false})}
   *
   * @param name the element or parameter name
   */
  public static CmsField<Boolean> bool(String name) {
    return new CmsField<>(name, "boolean (true|false)", CmsField::parseBoolean, String::valueOf, List.of());
  }

  /**
   * {@return an integer field}
   *
   * @param name the element or parameter name
   */
  public static CmsField<Long> integer(String name) {
    return new CmsField<>(name, "integer", s -> Long.valueOf(s.trim()), String::valueOf, List.of());
  }

  /**
   * {@return a decimal field, for example {@code 1.00}}
   *
   * @param name the element or parameter name
   */
  public static CmsField<BigDecimal> decimal(String name) {
    return new CmsField<>(name, "decimal", s -> new BigDecimal(s.trim()), BigDecimal::toPlainString, List.of());
  }

  /**
   * {@return an RFC 3339 timestamp field}
   *
   * @param name the element or parameter name
   */
  public static CmsField<Instant> instant(String name) {
    return new CmsField<>(name, "RFC 3339 timestamp", s -> Instant.parse(s.trim()), Instant::toString, List.of());
  }

  /**
   * {@return an enumerated field whose blueprint values are {@code knownValues}}
   *
   * @param name the element or parameter name
   * @param knownValues the values the blueprint lists
   */
  public static CmsField<CmsEnumValue> enumeration(String name, String... knownValues) {
    List<String> known = List.of(knownValues);
    Set<String> set = Set.copyOf(known);
    return new CmsField<>(
        name, "one of " + known, s -> new CmsEnumValue(s, set.contains(s)), CmsEnumValue::value, known);
  }

  /** {@return the wire name, a slash path for nested elements} */
  public String name() {
    return name;
  }

  /** {@return the values the blueprint lists for an enumerated field, or an empty list} */
  public List<String> knownValues() {
    return knownValues;
  }

  /**
   * Converts wire text to a value.
   *
   * @param text the text from the wire
   * @return the value
   * @throws MmSdkException if the text is not of this field's kind
   */
  public T parse(String text) {
    requireNonNull(text, "text == null");
    try {
      return parser.apply(text);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new MmSdkException(
          "Element <" + name + "> has value \"" + text + "\" but a " + kind
              + " was expected; read it as text with CmsObject.findText(\"" + name + "\") instead",
          e);
    }
  }

  /**
   * Converts a value to its wire text.
   *
   * @param value the value to send
   * @return its text on the wire
   */
  public String format(T value) {
    return formatter.apply(requireNonNull(value, "value == null"));
  }

  private static Boolean parseBoolean(String text) {
    String t = text.trim();
    if (t.equals("true")) {
      return Boolean.TRUE;
    }
    if (t.equals("false")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException(t);
  }

  @Override
  public String toString() {
    return "CmsField[" + name + "]";
  }
}
