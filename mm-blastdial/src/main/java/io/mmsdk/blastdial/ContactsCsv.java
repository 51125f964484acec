package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes blast dial contact lists as CSV (RFC 4180, UTF-8, CRLF line ends).
 *
 * <p>The file starts with the header {@code name,address,prompt}; each further line is one
 * contact. The prompt column is case-sensitive: exactly {@code true} requires the contact to press
 * 1; any other value, or a blank or missing column, means the prompt is disabled. Stateless and
 * thread-safe.
 *
 * <p>Against formula injection (a spreadsheet running {@code =HYPERLINK(...)} from a contact's
 * name), {@link #write} puts a single quote before, and double quotes around, every cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return (after any
 * single quotes), as OWASP recommends; {@link #parse} removes that one quote again, so an exported
 * list imports unchanged, and a file typed by hand with {@code +4712345678} reads as written.
 */
public final class ContactsCsv {
  /** The header line every contacts CSV starts with. */
  public static final String HEADER = "name,address,prompt";
  /** The prompt column value that enables the prompt (case-sensitive). */
  public static final String PROMPT_ON = "true";
  /** The prompt column value written for contacts without a prompt. */
  public static final String PROMPT_OFF = "false";

  private ContactsCsv() {}

  /** {@return the blank template: the header line only} */
  public static String template() {
    return HEADER + "\r\n";
  }

  /**
   * {@return {@code contacts} as a CSV document that {@link #parse} reads back unchanged}
   *
   * @param contacts the contacts, written in list order with a header line
   */
  public static String write(List<Contact> contacts) {
    requireNonNull(contacts, "contacts == null");
    StringBuilder b = new StringBuilder(HEADER).append("\r\n");
    for (Contact c : contacts) {
      b.append(field(c.name()))
          .append(',')
          .append(field(c.address()))
          .append(',')
          .append(c.promptRequired() ? PROMPT_ON : PROMPT_OFF)
          .append("\r\n");
    }
    return b.toString();
  }

  /**
   * Parses and validates an uploaded contacts file.
   *
   * @param fileName the uploaded file's name; must end with {@code .csv}
   * @param content the file's bytes
   * @param limits size and row limits
   * @return the contacts in file order
   * @throws ContactsCsvException listing every problem found, by line
   */
  public static List<ContactDetails> parse(String fileName, byte[] content, CsvLimits limits) {
    requireNonNull(fileName, "fileName == null");
    requireNonNull(content, "content == null");
    requireNonNull(limits, "limits == null");
    List<CsvProblem> problems = new ArrayList<>();
    if (!fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      problems.add(
          new CsvProblem(
              CsvProblem.Kind.WRONG_FORMAT, 0,
              "the file '" + fileName + "' is not a .csv file; save the contacts as CSV"
                  + " (comma-separated values) with the extension .csv"));
    }
    if (content.length > limits.maxFileBytes()) {
      problems.add(
          new CsvProblem(
              CsvProblem.Kind.FILE_TOO_LARGE, 0,
              "the file has " + content.length + " bytes but at most " + limits.maxFileBytes()
                  + " are allowed; remove contacts or split the list"));
      throw new ContactsCsvException(problems);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      problems.add(
          new CsvProblem(
              CsvProblem.Kind.WRONG_FORMAT, 0,
              "the file is not UTF-8 text; save it as 'CSV UTF-8 (comma delimited)'"));
      throw new ContactsCsvException(problems);
    }
    if (text.indexOf('\0') >= 0) {
      problems.add(
          new CsvProblem(
              CsvProblem.Kind.WRONG_FORMAT, 0,
              "the file contains binary data (NUL bytes); export the contacts as plain CSV text"));
      throw new ContactsCsvException(problems);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r\n|\n|\r", -1);
    int headerLine = -1;
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        headerLine = i;
        break;
      }
    }
    if (headerLine < 0 || !isHeader(lines[headerLine])) {
      problems.add(
          new CsvProblem(
              CsvProblem.Kind.WRONG_FORMAT, headerLine < 0 ? 0 : headerLine + 1,
              "the first line must be the header '" + HEADER + "'"
                  + (headerLine < 0 ? " but the file is empty" : "")
                  + "; download the blank template and put the contacts under its header"));
      throw new ContactsCsvException(problems);
    }
    List<ContactDetails> contacts = new ArrayList<>();
    Map<String, Integer> firstLineOfAddress = new HashMap<>();
    int rows = 0;
    for (int i = headerLine + 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      rows++;
      int lineNo = i + 1;
      Optional<List<String>> fields = split(lines[i], lineNo, problems);
      if (fields.isEmpty()) {
        continue;
      }
      List<String> f = fields.get();
      if (f.size() < 2 || f.size() > 3) {
        problems.add(
            new CsvProblem(
                CsvProblem.Kind.BAD_ROW, lineNo,
                "expected 2 or 3 columns (name,address,prompt) but found " + f.size()
                    + "; put names that contain commas in double quotes"));
        continue;
      }
      String name = unescapeFormula(f.get(0).strip());
      String address = unescapeFormula(f.get(1).strip());
      boolean prompt = f.size() == 3 && PROMPT_ON.equals(f.get(2).strip());
      Optional<ContactRules.Problem> bad =
          ContactRules.checkName(name).or(() -> ContactRules.checkAddress(address));
      if (bad.isPresent()) {
        problems.add(new CsvProblem(bad.get().kind(), lineNo, bad.get().message()));
        continue;
      }
      Integer earlier = firstLineOfAddress.putIfAbsent(ContactRules.normalizeAddress(address), lineNo);
      if (earlier != null) {
        problems.add(
            new CsvProblem(
                CsvProblem.Kind.BAD_ROW, lineNo,
                "the address '" + address + "' is already on line " + earlier
                    + "; list each contact once"));
        continue;
      }
      contacts.add(new ContactDetails(name, address, prompt));
    }
    if (rows > limits.maxContacts()) {
      problems.add(
          0,
          new CsvProblem(
              CsvProblem.Kind.TOO_MANY_CONTACTS, 0,
              "the file has " + rows + " contacts but a space can have at most "
                  + limits.maxContacts() + "; remove " + (rows - limits.maxContacts())
                  + " contacts"));
    }
    if (!problems.isEmpty()) {
      throw new ContactsCsvException(problems);
    }
    return List.copyOf(contacts);
  }

  private static boolean isHeader(String line) {
    String h = line.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    return h.equals(HEADER) || h.equals("name,address");
  }

  private static Optional<List<String>> split(String line, int lineNo, List<CsvProblem> problems) {
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == ',') {
        fields.add(cur.toString());
        cur.setLength(0);
        wasQuoted = false;
      } else if (c == '"' && cur.toString().isBlank() && !wasQuoted) {
        cur.setLength(0);
        quoted = true;
        wasQuoted = true;
      } else if (c == '"' || wasQuoted && !Character.isWhitespace(c)) {
        problems.add(
            new CsvProblem(
                CsvProblem.Kind.BAD_ROW, lineNo,
                "misplaced double quote at column " + (i + 1)
                    + "; quote a whole field and write a quote inside it as \"\""));
        return Optional.empty();
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      problems.add(
          new CsvProblem(
              CsvProblem.Kind.BAD_ROW, lineNo,
              "a quoted field is not closed; add the closing double quote on the same line"));
      return Optional.empty();
    }
    fields.add(cur.toString());
    return Optional.of(fields);
  }

  private static String field(String value) {
    boolean formula = startsLikeFormula(value, 0);
    String cell = formula ? "'" + value : value;
    boolean quote = formula
        || cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || !cell.equals(cell.strip());
    return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }

  /** Removes the single quote {@link #field} put before a cell that would start a formula. */
  private static String unescapeFormula(String value) {
    return value.startsWith("'") && startsLikeFormula(value, 1) ? value.substring(1) : value;
  }

  /** Returns true if {@code value}, after {@code from} and any single quotes, starts a formula. */
  private static boolean startsLikeFormula(String value, int from) {
    int i = from;
    while (i < value.length() && value.charAt(i) == '\'') {
      i++;
    }
    return i < value.length() && "=+-@\t\r".indexOf(value.charAt(i)) >= 0;
  }
}
