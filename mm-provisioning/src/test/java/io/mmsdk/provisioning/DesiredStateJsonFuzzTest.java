package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of the desired-state JSON: the sample file, mutated with fixed seeds, must parse
 * or fail with a {@link ProvisioningException}, never anything else. Iterations come from {@code
 * -Dmmsdk.fuzz.iterations} (the {@code fuzz} profile passes a large count).
 */
@Tag("fuzz")
class DesiredStateJsonFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("mmsdk.fuzz.iterations", 3000);
  private static final List<String> TOKENS = List.of("null", "[null]", "{}", "[]", "\"\"", "-1", "1e999",
      "0", "true", "\"PT-1S\"", "\"25:61\"", "\"Mars/Olympus\"", "{\"a\":", "[[[[[[[[", "\"\\u0000\"",
      "\"$cn$$\"", "9223372036854775808", "\"LDAPS\"", ",", ":", "\"");

  @Test
  void fromJson_mutatedSample_parsesOrThrowsProvisioningException() {
    String seed = DesiredStateJson.toJson(Fixtures.sample());
    Random random = new Random(20261201L);
    int parsed = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      String input = mutate(seed, random);
      try {
        DesiredState s = DesiredStateJson.fromJson(input);
        DesiredStateJson.toJson(s);
        parsed++;
      } catch (ProvisioningException expected) {
        assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
      } catch (RuntimeException | Error e) {
        fail("input " + i + " threw " + e + ":\n" + input, e);
      }
    }
    assertTrue(parsed > 0, "no mutated input parsed; the mutations are too coarse to test the model");
  }

  /** Applies 1 to 4 edits: a flipped character, a deletion, an inserted token, a cut. */
  static String mutate(String s, Random random) {
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(5)) {
        case 0 -> b.setCharAt(at, (char) (b.charAt(at) ^ (1 << random.nextInt(7))));
        case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(16)));
        case 2 -> b.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
        case 3 -> replaceValue(b, at, TOKENS.get(random.nextInt(TOKENS.size())));
        default -> b.setLength(at);
      }
    }
    return b.toString();
  }

  /** Replaces the JSON value after the next ':' at or after {@code at} with {@code token}. */
  private static void replaceValue(StringBuilder b, int at, String token) {
    int colon = b.indexOf(":", at);
    if (colon < 0) {
      return;
    }
    int end = colon + 1;
    while (end < b.length() && ",}]".indexOf(b.charAt(end)) < 0) {
      end++;
    }
    b.replace(colon + 1, end, token);
  }
}
