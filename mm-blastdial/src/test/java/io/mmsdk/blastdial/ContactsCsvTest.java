package io.mmsdk.blastdial;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContactsCsvTest {
  static final CsvLimits LIMITS = CsvLimits.defaults();

  static List<CsvProblem> problems(String fileName, byte[] content, CsvLimits limits) {
    return assertThrows(ContactsCsvException.class,
        () -> ContactsCsv.parse(fileName, content, limits)).problems();
  }

  static List<CsvProblem> problems(String text) {
    return problems("contacts.csv", text.getBytes(UTF_8), LIMITS);
  }

  @Test
  void writeThenParse_trickyValues_roundTripsUnchanged() {
    List<Contact> contacts = List.of(
        new Contact("c1", "Doe, Jane", "sip:jane@example.com", true),
        new Contact("c2", "Tom \"TJ\" Jones", "5551234", false),
        new Contact("c3", "Zoë Ærø 日本", "zoe@example.com;transport=tls", true));

    String csv = ContactsCsv.write(contacts);
    List<ContactDetails> back = ContactsCsv.parse("x.csv", csv.getBytes(UTF_8), LIMITS);

    assertEquals(contacts.stream()
        .map(c -> new ContactDetails(c.name(), c.address(), c.promptRequired())).toList(), back);
  }

  @Test
  void write_cellsStartingAFormula_neutralisedAndParseRoundTrips() {
    List<Contact> contacts = List.of(
        new Contact("c1", "Ann", "+4712345678", true),
        new Contact("c2", "Bob", "=1+2@evil.example.com", false),
        new Contact("c3", "Cy", "-5551234", false),
        new Contact("c5", "'=quoted already", "''+4799999999", false));

    String csv = ContactsCsv.write(contacts);

    for (String line : csv.split("\r\n")) {
      for (String cell : line.split(",")) {
        String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
        assertTrue(bare.isEmpty() || "=+-@\t\r".indexOf(bare.charAt(0)) < 0, "formula cell " + cell + " in\n" + csv);
      }
    }
    assertTrue(csv.contains("Ann,\"'+4712345678\",true"), csv);
    assertEquals(contacts.stream()
        .map(c -> new ContactDetails(c.name(), c.address(), c.promptRequired())).toList(),
        ContactsCsv.parse("x.csv", csv.getBytes(UTF_8), LIMITS));
    assertEquals(List.of(new ContactDetails("Eve", "+4712345678", false)),
        ContactsCsv.parse("y.csv", (ContactsCsv.HEADER + "\r\nEve,+4712345678\r\n").getBytes(UTF_8), LIMITS),
        "a hand-typed leading + is kept as written");
  }

  @Test
  void template_parsed_isEmptyList() {
    assertEquals("name,address,prompt\r\n", ContactsCsv.template());
    assertEquals(List.of(), ContactsCsv.parse("t.csv", ContactsCsv.template().getBytes(UTF_8), LIMITS));
  }

  @Test
  void parse_promptValue_caseSensitiveAndBlankOrOtherMeansDisabled() {
    String csv = "name,address,prompt\nA,a@x.com,true\nB,b@x.com,TRUE\nC,c@x.com,\nD,d@x.com\n"
        + "E,e@x.com,yes\n";

    List<ContactDetails> rows = ContactsCsv.parse("p.csv", csv.getBytes(UTF_8), LIMITS);

    assertEquals(List.of(true, false, false, false, false),
        rows.stream().map(ContactDetails::promptRequired).toList());
  }

  @Test
  void parse_byteOrderMarkAndCrlfAndBlankLines_accepted() {
    byte[] csv = "\uFEFFName, Address, Prompt\r\n\r\nA,a@x.com,true\r\n\r\n".getBytes(UTF_8);
    assertEquals(List.of(new ContactDetails("A", "a@x.com", true)),
        ContactsCsv.parse("P.CSV", csv, LIMITS));
  }

  @Test
  void parse_notCsvExtension_wrongFormat() {
    List<CsvProblem> p = problems("contacts.xlsx", ContactsCsv.template().getBytes(UTF_8), LIMITS);
    assertEquals(CsvProblem.Kind.WRONG_FORMAT, p.get(0).kind());
    assertTrue(p.get(0).message().contains("'contacts.xlsx' is not a .csv file"));
  }

  @Test
  void parse_notUtf8_wrongFormat() {
    byte[] latin1 = "name,address,prompt\nZo\u00eb,z@x.com,true\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    List<CsvProblem> p = problems("c.csv", latin1, LIMITS);
    assertEquals(CsvProblem.Kind.WRONG_FORMAT, p.get(0).kind());
    assertTrue(p.get(0).message().contains("save it as 'CSV UTF-8"));
  }

  @Test
  void parse_binaryContent_wrongFormat() {
    List<CsvProblem> p = problems("c.csv", new byte[] {'n', 0, 'a', 0}, LIMITS);
    assertEquals(CsvProblem.Kind.WRONG_FORMAT, p.get(0).kind());
  }

  @Test
  void parse_missingHeader_wrongFormatOnLineOne() {
    List<CsvProblem> p = problems("Bob,bob@x.com,true\n");
    assertEquals(new CsvProblem(CsvProblem.Kind.WRONG_FORMAT, 1, p.get(0).message()), p.get(0));
    assertTrue(p.get(0).message().contains("download the blank template"));
  }

  @Test
  void parse_emptyFile_wrongFormat() {
    assertEquals(CsvProblem.Kind.WRONG_FORMAT, problems("").get(0).kind());
  }

  @Test
  void parse_fileTooLarge_rejectedBeforeReading() {
    byte[] big = new byte[200];
    java.util.Arrays.fill(big, (byte) 'a');
    List<CsvProblem> p = problems("c.csv", big, new CsvLimits(100, 10));
    assertEquals(1, p.size());
    assertEquals(CsvProblem.Kind.FILE_TOO_LARGE, p.get(0).kind());
    assertTrue(p.get(0).message().contains("200 bytes but at most 100"));
  }

  @Test
  void parse_tooManyContacts_rejectedWithCount() {
    StringBuilder csv = new StringBuilder("name,address,prompt\n");
    for (int i = 0; i < 4; i++) {
      csv.append("N").append(i).append(",n").append(i).append("@x.com,true\n");
    }
    List<CsvProblem> p = problems("c.csv", csv.toString().getBytes(UTF_8), new CsvLimits(1000, 3));
    assertEquals(CsvProblem.Kind.TOO_MANY_CONTACTS, p.get(0).kind());
    assertTrue(p.get(0).message().contains("4 contacts but a space can have at most 3; remove 1"));
  }

  @Test
  void parse_invalidCharacters_reportedByLine() {
    List<CsvProblem> p = problems(
        "name,address,prompt\nOk,ok@x.com,true\nBad\u0007Bell,b@x.com,true\nC,c d@x.com,true\n"
            + "=HYPERLINK(1),e@x.com,true\nF,f<script>@x.com,\n");
    assertEquals(List.of(3, 4, 5, 6), p.stream().map(CsvProblem::line).toList());
    assertTrue(p.stream().allMatch(x -> x.kind() == CsvProblem.Kind.INVALID_CHARACTERS), p.toString());
    assertTrue(p.get(0).message().contains("U+0007"));
    assertTrue(p.get(1).message().contains("' ' (space) at position 2"));
    assertTrue(p.get(2).message().contains("formula"));
  }

  @Test
  void parse_badRows_reportedByLineWithFix() {
    List<CsvProblem> p = problems(
        "name,address,prompt\n"
            + "OnlyName\n"                       // 2: one column
            + "A,a@x.com,true,extra\n"            // 3: four columns
            + ",b@x.com,true\n"                   // 4: empty name
            + "C,,true\n"                         // 5: empty address
            + "\"Unclosed,c@x.com,true\n"         // 6: unclosed quote
            + "D\"q\",d@x.com,true\n"             // 7: misplaced quote
            + "E,e@x.com,true\n"                  // 8: fine
            + "E2,E@X.com,true\n"                 // 9: duplicate of line 8
            + "F,@x.com,true\n");                 // 10: nothing before @
    assertEquals(List.of(2, 3, 4, 5, 6, 7, 9, 10), p.stream().map(CsvProblem::line).toList());
    assertTrue(p.stream().allMatch(x -> x.kind() == CsvProblem.Kind.BAD_ROW), p.toString());
    assertTrue(p.get(0).message().contains("expected 2 or 3 columns"));
    assertTrue(p.get(6).message().contains("already on line 8"));
  }

  @Test
  void exceptionMessage_manyProblems_summarisesAndSaysListKept() {
    StringBuilder csv = new StringBuilder("name,address,prompt\n");
    for (int i = 0; i < 15; i++) {
      csv.append("N").append(i).append('\n');
    }
    ContactsCsvException e = assertThrows(ContactsCsvException.class,
        () -> ContactsCsv.parse("c.csv", csv.toString().getBytes(UTF_8), LIMITS));
    assertEquals(15, e.problems().size());
    assertTrue(e.getMessage().startsWith("The contacts CSV was rejected and the existing contacts were kept: line 2:"));
    assertTrue(e.getMessage().contains("and 5 more problems"));
  }
}
