package io.mmsdk.blastdial;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of the contacts CSV: an exported list, mutated with fixed seeds, must parse or
 * fail with a {@link ContactsCsvException}, never anything else; whatever parses must export and
 * import again unchanged. Iterations come from {@code -Dmmsdk.fuzz.iterations} (the {@code fuzz}
 * profile passes a large count).
 */
@Tag("fuzz")
class ContactsCsvFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("mmsdk.fuzz.iterations", 3000);
  private static final String[] TOKENS = {"\"", "\"\"", ",", "\r\n", "\n", "\r", "=", "+", "-", "@", "'",
      "\t", "\uFEFF", "\u0000", "\u202E", "é", "日本", "true", "TRUE", " ", "\\", "\uD800"};

  @Test
  void parse_mutatedExport_parsesOrThrowsContactsCsvExceptionAndRoundTrips() {
    String seed = ContactsCsv.write(List.of(
        new Contact("c1", "Doe, Jane", "sip:jane@example.com", true),
        new Contact("c2", "Tom \"TJ\" Jones", "+4712345678", false),
        new Contact("c3", "Zoë 日本", "zoe@example.com;transport=tls", true),
        new Contact("c4", "'=x", "-5551234", false)));
    Random random = new Random(20261201L);
    int parsed = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = mutate(seed, random);
      List<ContactDetails> rows;
      try {
        rows = ContactsCsv.parse("fuzz.csv", input, CsvLimits.defaults());
      } catch (ContactsCsvException expected) {
        assertTrue(!expected.problems().isEmpty());
        continue;
      } catch (RuntimeException | Error e) {
        fail("input " + i + " threw " + e + ":\n" + new String(input, UTF_8), e);
        return;
      }
      parsed++;
      List<Contact> contacts = new ArrayList<>();
      for (ContactDetails d : rows) {
        contacts.add(new Contact("id" + contacts.size(), d.name(), d.address(), d.promptRequired()));
      }
      assertEquals(rows, ContactsCsv.parse("again.csv", ContactsCsv.write(contacts).getBytes(UTF_8),
          CsvLimits.defaults()), "input " + i);
    }
    assertTrue(parsed > 0, "no mutated input parsed; the mutations are too coarse to test the parser");
  }

  /** Applies 1 to 3 edits: a flipped bit, a deletion, an inserted token, a cut. */
  private static byte[] mutate(String s, Random random) {
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(4)) {
        case 0 -> b.setCharAt(at, (char) (b.charAt(at) ^ (1 << random.nextInt(7))));
        case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(8)));
        case 2 -> b.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
        default -> b.setLength(at);
      }
    }
    byte[] bytes = b.toString().getBytes(UTF_8);
    if (random.nextInt(10) == 0 && bytes.length > 0) {
      bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8)); // may break UTF-8
    }
    return bytes;
  }
}
