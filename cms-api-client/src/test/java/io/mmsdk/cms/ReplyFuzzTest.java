package io.mmsdk.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.core.CmsElement;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.ListOptions;
import io.mmsdk.cms.internal.XmlParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.xml.stream.XMLInputFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of the REST reply path: valid CMS replies, mutated with fixed seeds, go through
 * the parser (JDK reader and Aalto) into {@link CmsObject}s, and through the whole client (object,
 * page and failureDetails replies). Only the documented typed exceptions may come out, each input
 * in bounded time. {@code -Dmmsdk.fuzz.iterations=N} sets the parser inputs per reader (default
 * 1000); the client, one HTTP exchange per input, gets a tenth of them.
 */
@Tag("fuzz")
class ReplyFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("mmsdk.fuzz.iterations", 1000);
  /**
   * A hang guard only (the client's call deadline, and checked after each parser input), far above
   * the milliseconds an input takes; not a performance assertion.
   */
  private static final long MAX_NANOS_PER_INPUT = TimeUnit.SECONDS.toNanos(10);

  private static final List<String> SEEDS = List.of(
      "<?xml version=\"1.0\"?>\n<coSpace id=\"581caae0-420a-43df-9a9e-f690c70e12d3\"><name>Sales &amp; Support</name>"
          + "<uri>sales</uri><callId>100200</callId><secret>Ab1_cD</secret><cdrTag><![CDATA[a=1&b=2]]></cdrTag></coSpace>",
      "<coSpaces total=\"3\"><coSpace id=\"a\"><name>One</name><uri>one</uri></coSpace><coSpace id=\"b\"><name>Two</name>"
          + "</coSpace><coSpace id=\"c\"><name>Three</name><tenant>t-1</tenant></coSpace></coSpaces>",
      "<callLeg id=\"l-1\"><name>Bob</name><remoteParty>bob@example.com</remoteParty><status><state>connected</state>"
          + "<durationSeconds>61</durationSeconds><rxVideo role=\"main\"><codec>h264</codec><width>1280</width></rxVideo>"
          + "<rxVideo role=\"presentation\"><codec>h265</codec></rxVideo></status></callLeg>",
      "<failureDetails><coSpaceDoesNotExist /></failureDetails>",
      "<failureDetails><parameterError parameter=\"passcode\" error=\"invalidValue\"/></failureDetails>",
      "<status><softwareVersion>3.8.1</softwareVersion><uptimeSeconds>2313</uptimeSeconds>"
          + "<activated>true</activated><clusterEnabled>false</clusterEnabled></status>",
      "<MPLicenseUsage total=\"2\"><entry time=\"2026-01-01T12:00:00Z\"><smpAud>1.00</smpAud><pmp>2</pmp></entry>"
          + "<entry time=\"2026-01-01T12:05:00Z\"><smpFull>0.5</smpFull></entry></MPLicenseUsage>",
      "<coSpaces total=\"0\"/>");

  private static final List<String> TOKENS = List.of(
      "<!DOCTYPE x [<!ENTITY e \"eee\">]>", "<!DOCTYPE x SYSTEM \"file:///etc/passwd\">", "&e;", "&#0;", "&#x110000;",
      "&#xD800;", "&amp", "<![CDATA[", "]]>", "<?xml version=\"1.1\" encoding=\"UTF-16\"?>", "<?pi data?>", "<!--",
      "-->", "\uFFFE", "\u0001", "\u0085", "xmlns:x=\"urn:x\"", "<x:y>", " total=\"-1\"",
      " total=\"99999999999999999999\"", " id=\"\"", " id=\"a\" id=\"b\"", "<a>".repeat(40), "</a>", "<", ">", "\"",
      "=", "/", "\u00e9", "\ud83d\ude00");
  private static final byte[] BYTES = {0, 1, '<', '>', '&', '"', '\'', '/', '=', ']', '!', '?', ' ', '\n',
      (byte) 0x80, (byte) 0xC0, (byte) 0xC3, (byte) 0xE2, (byte) 0xED, (byte) 0xEF, (byte) 0xF4, (byte) 0xFF};

  @Test
  void parser_mutatedReplies_onlyParseFailures() {
    for (String reader : List.of("jdk", "aalto")) {
      // In memory nothing blocks, so only a parser loop could hang: guard the run, scaled to its size.
      assertTimeoutPreemptively(Duration.ofSeconds(60 + ITERATIONS / 100), () -> fuzzParser(reader));
    }
  }

  private static void fuzzParser(String reader) {
    XmlParser parser = new XmlParser(reader.equals("jdk")
        ? XMLInputFactory.newDefaultFactory() : new com.fasterxml.aalto.stax.InputFactoryImpl());
    Tally tally = new Tally("parser (" + reader + ")");
    Random random = new Random(0x5EED_0001L + reader.hashCode());
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = mutate(random);
      tally.run(input, () -> {
        try {
          CmsElement root = parser.read(new ByteArrayInputStream(input));
          CmsObject.of(root);
          root.children().forEach(CmsObject::of);
          FailureReason.fromWireName(root.children().isEmpty() ? null : root.children().get(0).name());
          return "parsed";
        } catch (XmlParser.Failure f) {
          return "rejected";
        } catch (java.io.IOException e) {
          throw new AssertionError("an in-memory stream cannot fail", e);
        }
      });
    }
    tally.check();
  }

  @Test
  void client_mutatedReplies_onlyTypedExceptions() throws Exception {
    Random random = new Random(0x5EED_0002L);
    List<byte[]> bodies = new ArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          byte[] body;
          synchronized (bodies) {
            body = bodies.remove(0);
          }
          int status = request.getMethod().equals("DELETE") ? errorStatus(body.length) : 200;
          return new MockResponse.Builder().code(status).setHeader("Content-Type", "text/xml")
              .body(new Buffer().write(body)).build();
        }
      });
      server.start();
      try (CmsClient cms = CmsClient.builder().baseUrl(server.url("/").toString()).credentials("apiuser", "pw")
          .retryPolicy(RetryPolicy.none()).callTimeout(Duration.ofNanos(MAX_NANOS_PER_INPUT)).build()) {
        Tally tally = new Tally("client");
        for (int i = 0; i < Math.max(1, ITERATIONS / 10); i++) {
          byte[] input = mutate(random);
          synchronized (bodies) {
            bodies.add(input);
          }
          int operation = i % 3;
          tally.run(input, () -> {
            try {
              switch (operation) {
                case 0 -> cms.coSpaces().get("a");
                case 1 -> cms.coSpaces().page(0, 10, ListOptions.none());
                default -> cms.coSpaces().delete("a");
              }
              return "parsed";
            } catch (CmsClientException | CmsServiceException typed) {
              return typed.getClass().getSimpleName();
            }
          });
        }
        tally.check();
      }
    }
  }

  /** 400, 404 or 409, picked by {@code salt}: statuses whose failureDetails the client reads. */
  private static int errorStatus(int salt) {
    return new int[] {400, 404, 409}[Math.floorMod(salt, 3)];
  }

  private static byte[] mutate(Random random) {
    byte[] data = SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8);
    // Mostly one mutation, so many inputs stay well-formed and reach the shape checks too.
    int mutations = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1;
    for (int m = 0; m < mutations; m++) {
      data = mutateOnce(data, random);
    }
    return data;
  }

  private static byte[] mutateOnce(byte[] data, Random random) {
    int at = data.length == 0 ? 0 : random.nextInt(data.length);
    switch (random.nextInt(7)) {
      case 0 -> {
        byte[] out = data.clone();
        if (out.length > 0) {
          out[at] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
      }
      case 1 -> {
        byte[] out = data.clone();
        if (out.length > 0) {
          out[at] = BYTES[random.nextInt(BYTES.length)];
        }
        return out;
      }
      case 2 -> {
        int end = Math.min(data.length, at + 1 + random.nextInt(16));
        return concat(slice(data, 0, at), slice(data, end, data.length));
      }
      case 3 -> {
        int end = Math.min(data.length, at + 1 + random.nextInt(64));
        int to = data.length == 0 ? 0 : random.nextInt(data.length);
        return concat(slice(data, 0, to), slice(data, at, end), slice(data, to, data.length));
      }
      case 4 -> {
        byte[] token = TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
        return concat(slice(data, 0, at), token, slice(data, at, data.length));
      }
      case 5 -> {
        // Truncation rejects everything after it; keep it rarer than the local mutations.
        return random.nextBoolean() ? slice(data, 0, at) : data;
      }
      default -> {
        byte[] other = SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8);
        int from = random.nextInt(other.length);
        return concat(slice(data, 0, at), slice(other, from, other.length));
      }
    }
  }

  private static byte[] slice(byte[] data, int from, int to) {
    return java.util.Arrays.copyOfRange(data, from, Math.max(from, to));
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Counts outcomes; anything but a documented outcome is kept with its input for the report. */
  private static final class Tally {
    private final String name;
    private final java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
    private final List<String> escapes = new ArrayList<>();
    private int tried;
    private final List<Long> nanos = new ArrayList<>();
    private long slowestNanos;

    Tally(String name) {
      this.name = name;
    }

    void run(byte[] input, Supplier<String> attempt) {
      tried++;
      long start = System.nanoTime();
      try {
        outcomes.merge(attempt.get(), 1, Integer::sum);
      } catch (Throwable t) {
        escapes.add(t + " for input " + new String(input, StandardCharsets.UTF_8));
      }
      long took = System.nanoTime() - start;
      nanos.add(took);
      slowestNanos = Math.max(slowestNanos, took);
    }

    void check() {
      int handled = outcomes.values().stream().mapToInt(Integer::intValue).sum();
      nanos.sort(null);
      System.out.printf("REST reply fuzz, %s: tried %d, handled %d %s, escaped %d; per input median %.3f ms, "
              + "slowest %.1f ms%n",
          name, tried, handled, outcomes, escapes.size(), nanos.get(nanos.size() / 2) / 1e6, slowestNanos / 1e6);
      assertEquals(List.of(), escapes.subList(0, Math.min(5, escapes.size())), "undeclared exceptions escaped");
      assertEquals(tried, handled);
      assertTrue(slowestNanos < MAX_NANOS_PER_INPUT, "an input took " + slowestNanos / 1e6 + " ms");
    }
  }
}
