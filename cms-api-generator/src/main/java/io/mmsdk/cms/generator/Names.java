package io.mmsdk.cms.generator;

import java.util.Locale;
import java.util.Set;

/** How the generator names Java members and constants after wire names. */
final class Names {
  private static final Set<String> RESERVED = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
      "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
      "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
      "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
      "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
      "volatile", "while", "true", "false", "null", "var", "record", "yield",
      "raw", "id", "hashCode", "toString", "equals", "getClass", "notify", "notifyAll", "wait",
      "builder", "build", "extra", "form", "of", "list", "get", "find", "create", "update", "delete");

  private Names() {}

  /** Returns {@code name}, or {@code name} with the first free number appended, and marks it used. */
  static String unique(String name, Set<String> used) {
    String candidate = name;
    for (int i = 2; !used.add(candidate); i++) {
      candidate = name + i;
    }
    return candidate;
  }

  /** Returns the Java member name of a wire name, suffixed with {@code Value} if reserved. */
  static String memberName(String wire) {
    StringBuilder b = new StringBuilder();
    for (String part : wire.split("[^A-Za-z0-9]+")) {
      if (part.isEmpty()) {
        continue;
      }
      b.append(b.length() == 0 ? Character.toLowerCase(part.charAt(0)) + part.substring(1) : pascal(part));
    }
    String name = b.length() == 0 ? "value" : b.toString();
    if (Character.isDigit(name.charAt(0))) {
      name = "v" + name;
    }
    return RESERVED.contains(name) ? name + "Value" : name;
  }

  static String pascal(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static String singular(String s) {
    return s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
  }

  static String upperSnake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
  }

  /** Returns the enum constant name of a wire value. */
  static String constantName(String value) {
    String c = upperSnake(value);
    if (c.isEmpty() || Character.isDigit(c.charAt(0)) || c.startsWith("_")) {
      c = "V_" + c;
    }
    return c.equals("UNKNOWN_TO_SDK_VERSION") ? c + "_VALUE" : c;
  }
}
