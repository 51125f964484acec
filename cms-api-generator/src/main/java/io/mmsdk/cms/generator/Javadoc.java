package io.mmsdk.cms.generator;

/** The Javadoc text of generated sources: comment blocks and the recurring tags. */
final class Javadoc {
  private Javadoc() {}

  /** Returns {@code text} as a Javadoc comment for a member of a top-level class. */
  static String doc(String text) {
    return doc(text, "  ");
  }

  /** Returns {@code text} as a Javadoc comment indented by {@code indent}. */
  static String doc(String text, String indent) {
    StringBuilder b = new StringBuilder(indent).append("/**\n");
    for (String line : returnTag(text).split("\n", -1)) {
      b.append(indent).append(line.isEmpty() ? " *" : " * " + line).append("\n");
    }
    return b.append(indent).append(" */\n").toString();
  }

  /**
   * Turns a leading "Returns X." sentence into {@code {@return X}}, which doclint takes as the
   * method's {@code @return}, so generated accessors and operations are fully documented.
   */
  static String returnTag(String text) {
    if (!text.startsWith("Returns ")) {
      return text;
    }
    int depth = 0;
    for (int i = "Returns ".length(); i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (c == '.' && depth == 0 && (i + 1 == text.length() || text.charAt(i + 1) == ' '
          || text.charAt(i + 1) == '\n') && !text.startsWith("e.g", i - 3) && !text.startsWith("i.e", i - 3)) {
        return "{@return " + text.substring("Returns ".length(), i) + "}" + text.substring(i + 1);
      }
    }
    return text;
  }

  /** {@return the {@code @param id} tag of a family's item operation that does {@code verb} to the object} */
  static String idParam(String verb) {
    return "@param id the id of the object to " + verb + ": its {@code id} attribute, as list replies carry it";
  }

  /**
   * Returns the {@code @param} tag of a path variable such as {@code coSpaceId}: the id of the
   * object its name stands for.
   */
  static String pathParam(String variable) {
    String object = variable.endsWith("Id") && variable.length() > 2 ? variable.substring(0, variable.length() - 2) : variable;
    return "@param " + variable + " the id of the {@code " + object + "} that {@code {" + variable + "}} stands for in the path";
  }
}
