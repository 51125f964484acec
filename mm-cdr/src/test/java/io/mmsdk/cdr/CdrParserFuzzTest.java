package io.mmsdk.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of the CDR parser and the receiver behind it: the golden documents are mutated
 * (bit flips, byte edits, truncation, duplicated and spliced spans, hostile XML fragments) from
 * fixed seeds, and every result must be a batch or a {@link CdrParseException}, over HTTP a 200 or
 * a 400, never anything else. The iteration count comes from {@code -Dmmsdk.fuzz.iterations}
 * (default {@value #DEFAULT_ITERATIONS} per test; {@code -Pfuzz} raises it).
 */
@Tag("fuzz")
class CdrParserFuzzTest {
  private static final int DEFAULT_ITERATIONS = 1500;
  /** Per input, far above the real cost (well under a millisecond): catches superlinear blowups. */
  private static final long MAX_NANOS_PER_INPUT = 5_000_000_000L;
  static final List<String> SEEDS = List.of("multi-record-batch.xml",
      "recording-streaming.xml", "unknown-content.xml", "two-bridges-a.xml", "two-bridges-b.xml",
      "bad-index.xml", "truncated.xml");
  static final String[] FRAGMENTS = {
      "<!DOCTYPE r [<!ENTITY x \"y\">]>", "&x;", "&#0;", "&#x10FFFF;", "<![CDATA[<a>]]>",
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"1.1\"?>", "\uFEFF",
      " xmlns:a=\"urn:a\"", " a=\"1\" a=\"2\"", "<record type=\"callEnd\">", "</record>",
      "<call id=\"\"/>", "correlatorIndex=\"9000000000\"", "recordIndex=\"-1\"",
      "time=\"2026-13-40T25:61:61Z\"", "<durationSeconds>1e400</durationSeconds>",
      "<maxScreens>99999999999</maxScreens>", "<alarm durationPercentage=\"NaN\"/>",
      "<!--", "-->", "\u0000", "\uFFFE", "<a:b xmlns:a=\"\"/>", "<", ">", "\"", "'", "]]>",
  };

  static int iterations() {
    return Integer.getInteger("mmsdk.fuzz.iterations", DEFAULT_ITERATIONS);
  }

  static byte[] mutate(Random rnd, byte[] seed) {
    byte[] b = seed.clone();
    int edits = 1 + rnd.nextInt(4);
    for (int e = 0; e < edits; e++) {
      if (b.length == 0) {
        return b;
      }
      int at = rnd.nextInt(b.length);
      switch (rnd.nextInt(7)) {
        case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
        case 1 -> b[at] = (byte) rnd.nextInt(256);
        case 2 -> b = splice(b, at, at + 1 + rnd.nextInt(Math.min(16, b.length - at)), new byte[0]);
        case 3 -> b = java.util.Arrays.copyOf(b, at);
        case 4 -> {
          int len = 1 + rnd.nextInt(Math.min(200, b.length - at));
          byte[] span = java.util.Arrays.copyOfRange(b, at, at + len);
          b = splice(b, at, at, span);
        }
        case 5 -> b = splice(b, at, at,
            FRAGMENTS[rnd.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.UTF_8));
        default -> {
          // Repeat a fragment many times: attribute, namespace, nesting and element floods.
          String f = FRAGMENTS[rnd.nextInt(FRAGMENTS.length)];
          b = splice(b, at, at, f.repeat(50 + rnd.nextInt(500)).getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
    out.write(b, 0, from);
    out.write(insert, 0, insert.length);
    out.write(b, to, b.length - to);
    return out.toByteArray();
  }

  private static void fuzzParser(String name, CdrParser parser, long seed) {
    Random rnd = new Random(seed);
    byte[][] seeds = SEEDS.stream().map(Fixtures::bytes).toArray(byte[][]::new);
    int n = iterations();
    int parsed = 0;
    int rejected = 0;
    long slowest = 0;
    for (int i = 0; i < n; i++) {
      byte[] input = mutate(rnd, seeds[rnd.nextInt(seeds.length)]);
      long t0 = System.nanoTime();
      try {
        parser.parse(input);
        parsed++;
      } catch (CdrParseException e) {
        rejected++;
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        fail("input " + i + " (seed " + seed + ") escaped as " + e + ": "
            + new String(input, StandardCharsets.ISO_8859_1), e);
      }
      long took = System.nanoTime() - t0;
      slowest = Math.max(slowest, took);
      assertTrue(took < MAX_NANOS_PER_INPUT, "input " + i + " took " + took / 1_000_000 + " ms");
    }
    System.out.printf("CDR parser fuzz (%s, seed %d): %d inputs tried, %d parsed, %d rejected"
        + " with CdrParseException, 0 escaped; slowest %.1f ms%n", name, seed, n, parsed, rejected,
        slowest / 1e6);
    assertEquals(n, parsed + rejected);
  }

  @Test
  void parse_mutatedDocuments_onlyCdrParseExceptionEscapes() {
    fuzzParser("default", CdrParser.create(), 14L);
  }

  @Test
  void parse_mutatedDocumentsOnJdkReader_onlyCdrParseExceptionEscapes() {
    fuzzParser("jdk",
        CdrParser.builder().xmlInputFactory(XMLInputFactory.newDefaultFactory()).build(), 8L);
  }

  @Test
  void handle_mutatedDocuments_answered200Or400() {
    try (CdrPipeline pipeline = CdrPipeline.builder().build()) {
      fuzzHandler(pipeline);
    }
  }

  private void fuzzHandler(CdrPipeline pipeline) {
    CdrHandler handler = CdrHandler.builder().sink(pipeline).build();
    Random rnd = new Random(9L);
    byte[][] seeds = SEEDS.stream().map(Fixtures::bytes).toArray(byte[][]::new);
    int n = Math.max(1, iterations() / 5); // each rejection is logged: fewer, the parser runs above
    int accepted = 0;
    for (int i = 0; i < n; i++) {
      byte[] input = mutate(rnd, seeds[rnd.nextInt(seeds.length)]);
      CdrHandler.Outcome o = handler.handle("cluster=fuzz", input);
      assertTrue(Set.of(200, 400).contains(o.statusCode()), o.toString());
      accepted += o.isAccepted() ? 1 : 0;
    }
    System.out.printf("CDR handler fuzz: %d inputs tried, %d accepted, %d answered 400;"
        + " %d records delivered%n", n, accepted, n - accepted, pipeline.recordsDelivered());
  }
}
