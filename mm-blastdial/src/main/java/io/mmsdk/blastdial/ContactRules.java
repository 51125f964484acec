package io.mmsdk.blastdial;

import java.util.Optional;

/** Validation rules shared by manual contact edits and CSV uploads. */
final class ContactRules {
  static final int MAX_NAME_LENGTH = 100;
  static final int MAX_ADDRESS_LENGTH = 254;
  private static final String ADDRESS_PUNCTUATION = "._~+-@:;=%!$&'()*,/?#[]";

  private ContactRules() {}

  /** Returns why {@code name} is not acceptable, as a message that says how to fix it. */
  static Optional<Problem> checkName(String name) {
    String n = name.strip();
    if (n.isEmpty()) {
      return problem(CsvProblem.Kind.BAD_ROW, "the name is empty; enter the contact's name");
    }
    if (n.length() > MAX_NAME_LENGTH) {
      return problem(
          CsvProblem.Kind.BAD_ROW,
          "the name '" + n.substring(0, 20) + "...' has " + n.length()
              + " characters; use at most " + MAX_NAME_LENGTH);
    }
    int position = 0;
    for (int i = 0; i < n.length(); i += Character.charCount(n.codePointAt(i))) {
      int cp = n.codePointAt(i);
      position++;
      if (Character.isISOControl(cp) || cp == 0xFFFD || Character.getType(cp) == Character.SURROGATE) {
        return problem(
            CsvProblem.Kind.INVALID_CHARACTERS,
            "the name '" + printable(n) + "' contains the invalid character U+"
                + String.format("%04X", cp) + " at position " + position
                + "; remove control characters and save the file as UTF-8");
      }
    }
    char first = n.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@') {
      return problem(
          CsvProblem.Kind.INVALID_CHARACTERS,
          "the name '" + printable(n) + "' starts with '" + first
              + "', which spreadsheets treat as a formula; start the name with a letter or digit");
    }
    return Optional.empty();
  }

  /** Returns why {@code address} is not acceptable, as a message that says how to fix it. */
  static Optional<Problem> checkAddress(String address) {
    String a = address.strip();
    if (a.isEmpty()) {
      return problem(
          CsvProblem.Kind.BAD_ROW,
          "the address is empty; enter a video address such as alice@example.com or 5551234");
    }
    if (a.length() > MAX_ADDRESS_LENGTH) {
      return problem(
          CsvProblem.Kind.BAD_ROW,
          "the address has " + a.length() + " characters; use at most " + MAX_ADDRESS_LENGTH);
    }
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      boolean ok = c < 128 && (Character.isLetterOrDigit(c) || ADDRESS_PUNCTUATION.indexOf(c) >= 0);
      if (!ok) {
        return problem(
            CsvProblem.Kind.INVALID_CHARACTERS,
            "the address '" + printable(a) + "' contains the invalid character "
                + describe(c) + " at position " + (i + 1)
                + "; use a SIP URI, number or JID made of letters, digits and . _ - + @ : ;"
                + " without spaces");
      }
    }
    if (a.startsWith("@") || a.endsWith("@")) {
      return problem(
          CsvProblem.Kind.BAD_ROW,
          "the address '" + a + "' has nothing before or after '@'; use user@domain");
    }
    return Optional.empty();
  }

  /** Returns the form of {@code address} used to compare contacts and participants. */
  static String normalizeAddress(String address) {
    String a = address.strip().toLowerCase(java.util.Locale.ROOT);
    for (String scheme : new String[] {"sips:", "sip:", "h323:", "tel:"}) {
      if (a.startsWith(scheme)) {
        a = a.substring(scheme.length());
        break;
      }
    }
    int semicolon = a.indexOf(';');
    return semicolon >= 0 ? a.substring(0, semicolon) : a;
  }

  private static String describe(char c) {
    if (c == ' ') {
      return "' ' (space)";
    }
    if (Character.isISOControl(c) || c >= 128) {
      return "U+" + String.format("%04X", (int) c);
    }
    return "'" + c + "'";
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .limit(40)
        .forEach(cp -> b.append(Character.isISOControl(cp) ? "?" : new String(Character.toChars(cp))));
    return b.toString();
  }

  private static Optional<Problem> problem(CsvProblem.Kind kind, String message) {
    return Optional.of(new Problem(kind, message));
  }

  /** A validation failure: its kind and message. */
  record Problem(CsvProblem.Kind kind, String message) {}
}
