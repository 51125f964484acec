package io.mmsdk.benchmarks.cdr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates realistic CDR batches for benchmarks, as bytes written by bulk copies of pre-encoded
 * record templates and a few decimal numbers. No loop of its own runs over a batch's 50 KB: such a
 * loop, run once per batch, is left to on-stack replacement, and in about one JVM in ten the JIT
 * compiler left it queued for over 15 s while the receiver's code kept it busy, so the simulated
 * bridges took 5 ms of CPU per batch interpreted instead of 0.1 ms and starved the receiver (JFR:
 * {@code ISO_8859_1$Encoder.implEncodeISOArray}, interpreted, in 213 of 216 samples of the bridge
 * threads).
 */
final class CdrSamples {
  private CdrSamples() {}

  /** The record types {@link #record} writes, by the numbers it takes. */
  static final int CALL_START = 0;
  static final int CALL_LEG_START = 1;
  static final int CALL_LEG_UPDATE = 2;
  static final int CALL_LEG_END = 3;
  static final int CALL_END = 4;

  /** The space every call of {@link #batch} is in. */
  static final String SPACE = "space001-0000-4000-8000-000000000001";

  private static final byte[] SPACE_BYTES = ascii(SPACE);
  private static final byte[] CALL_BRIDGE_ID = ascii("cb000001-0000-4000-8000-00000000b001");
  private static final byte[] BATCH_START = ascii("<?xml version=\"1.0\"?><records session=\"");
  private static final byte[] CALL_BRIDGE = ascii("\" callBridge=\"");
  private static final byte[] RECORDS_START = ascii("\">\n");
  private static final byte[] BATCH_END = ascii("</records>\n");
  private static final String HEAD =
      " time=\"2026-03-02T09:00:00Z\" recordIndex=\"{recordIndex}\" correlatorIndex=\"{index}\">";
  private static final Template[] TEMPLATES = {
      Template.of("<record type=\"callStart\"" + HEAD + "<call id=\"{call}\"><name>Project sync {n}"
          + "</name><ownerName/><callType>coSpace</callType><coSpace>{space}</coSpace>"
          + "<callCorrelator>corr0001-0000-4000-8000-{index12}</callCorrelator>"
          + "<tenant>tenant01-0000-4000-8000-000000000001</tenant></call></record>\n"),
      Template.of("<record type=\"callLegStart\"" + HEAD + "<callLeg id=\"{leg}\"><displayName>"
          + "Participant {n}</displayName><remoteParty>user{n}@example.org</remoteParty>"
          + "<localAddress>meet@example.org</localAddress><type>sip</type><subType>sip</subType>"
          + "<direction>incoming</direction><call>{call}</call>"
          + "<sipCallId>{index}@sbc.example.org</sipCallId>"
          + "<groupId>grp00001-0000-4000-8000-000000000001</groupId><canMove>true</canMove>"
          + "</callLeg></record>\n"),
      Template.of("<record type=\"callLegUpdate\"" + HEAD + "<callLeg id=\"{leg}\">"
          + "<state>connected</state><call>{call}</call><deactivated>false</deactivated>"
          + "<confirmationStatus>notRequired</confirmationStatus></callLeg></record>\n"),
      Template.of("<record type=\"callLegEnd\"" + HEAD + "<callLeg id=\"{leg}\">"
          + "<reason>remoteTeardown</reason><remoteTeardown>true</remoteTeardown>"
          + "<durationSeconds>3912</durationSeconds><activatedDuration>3900</activatedDuration>"
          + "<mediaUsagePercentages><mainVideoViewer>99.9</mainVideoViewer>"
          + "<mainVideoContributor>98.5</mainVideoContributor></mediaUsagePercentages>"
          + "<alarm type=\"packetLoss\" durationPercentage=\"0.1\"/>"
          + "<alarm type=\"excessiveJitter\" durationPercentage=\"0.0\"/>"
          + "<encryptedMedia>true</encryptedMedia>"
          + "<rxAudio><codec>opus</codec><packetStatistics><packetLossBursts><duration>0.2"
          + "</duration><density>0.01</density></packetLossBursts></packetStatistics></rxAudio>"
          + "<txAudio><codec>opus</codec></txAudio><rxVideo><codec>h264</codec>"
          + "<maxSizeWidth>1280</maxSizeWidth><maxSizeHeight>720</maxSizeHeight></rxVideo>"
          + "<txVideo><codec>h264</codec><maxSizeWidth>1280</maxSizeWidth>"
          + "<maxSizeHeight>720</maxSizeHeight></txVideo></callLeg></record>\n"),
      Template.of("<record type=\"callEnd\"" + HEAD + "<call id=\"{call}\">"
          + "<callLegsCompleted>3</callLegsCompleted><callLegsMaxActive>3</callLegsMaxActive>"
          + "<durationSeconds>3955</durationSeconds></call></record>\n"),
  };

  /**
   * Returns one batch of {@code records} records cycling through a leg's life: callLegStart,
   * callLegUpdate, callLegEnd (with alarms and media statistics), plus callStart/callEnd.
   */
  static byte[] batch(String session, long firstIndex, int records) {
    Text out = new Text(records * 600);
    batchStart(out, ascii(session), CALL_BRIDGE_ID);
    for (int i = 0; i < records; i++) {
      long idx = firstIndex + i;
      byte[] leg = ascii("leg" + digits(i % 100000, 5) + "-0000-4000-8000-" + digits(idx, 12));
      byte[] call = ascii("call" + digits(i % 10000, 4) + "-0000-4000-8000-" + digits(idx / 5, 12));
      record(out, i % TEMPLATES.length, idx, i, SPACE_BYTES, call, leg);
    }
    batchEnd(out);
    return out.toByteArray();
  }

  /** Clears {@code out} and starts a batch there: the XML declaration and {@code <records>}. */
  static void batchStart(Text out, byte[] session, byte[] callBridge) {
    out.clear();
    out.append(BATCH_START).append(session).append(CALL_BRIDGE).append(callBridge)
        .append(RECORDS_START);
  }

  /** Ends the batch in {@code out}. */
  static void batchEnd(Text out) {
    out.append(BATCH_END);
  }

  /**
   * Appends one {@code <record>} of {@code type} (one of the record type constants) with
   * correlator index {@code idx} about {@code call} (in space {@code space}) and {@code leg}, all
   * three ASCII; {@code n} varies names and addresses.
   */
  static void record(Text out, int type, long idx, int n, byte[] space, byte[] call, byte[] leg) {
    Template t = TEMPLATES[type];
    for (int k = 0; k < t.fields.length; k++) {
      out.append(t.text[k]);
      switch (t.fields[k]) {
        case RECORD_INDEX -> out.append(idx + 1);
        case INDEX -> out.append(idx);
        case INDEX12 -> out.append(idx, 12);
        case N -> out.append(n);
        case CALL -> out.append(call);
        case LEG -> out.append(leg);
        case SPACE -> out.append(space);
      }
    }
    out.append(t.text[t.fields.length]);
  }

  /**
   * {@return {@code value} (not negative) in decimal, zero-padded to {@code width} digits} Cheaper
   * than {@code String.format}, which would dominate a load generator's cost per batch.
   */
  static String digits(long value, int width) {
    String s = Long.toString(value);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  /** {@return the bytes of {@code text}, which is ASCII} */
  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** What a template's {@code {name}} stands for. */
  private enum Field {
    RECORD_INDEX("recordIndex"), INDEX("index"), INDEX12("index12"), N("n"), CALL("call"),
    LEG("leg"), SPACE("space");

    private final String name;

    Field(String name) {
      this.name = name;
    }

    static Field named(String name) {
      return Arrays.stream(values()).filter(f -> f.name.equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no template field {" + name + "}"));
    }
  }

  /** A record's text cut at its fields: {@code text[k]}, {@code fields[k]}, ..., the last text. */
  private static final class Template {
    private static final Pattern FIELD = Pattern.compile("\\{(\\w+)}");
    private final byte[][] text;
    private final Field[] fields;

    private Template(byte[][] text, Field[] fields) {
      this.text = text;
      this.fields = fields;
    }

    static Template of(String template) {
      List<byte[]> text = new ArrayList<>();
      List<Field> fields = new ArrayList<>();
      Matcher m = FIELD.matcher(template);
      int from = 0;
      while (m.find()) {
        text.add(ascii(template.substring(from, m.start())));
        fields.add(Field.named(m.group(1)));
        from = m.end();
      }
      text.add(ascii(template.substring(from)));
      return new Template(text.toArray(byte[][]::new), fields.toArray(Field[]::new));
    }
  }

  /**
   * ASCII text built in a reused byte array by {@link System#arraycopy} and short digit loops, so
   * it costs about the same compiled or not.
   */
  static final class Text {
    private byte[] bytes;
    private int length;
    private final byte[] digits = new byte[20];

    Text(int capacity) {
      bytes = new byte[capacity];
    }

    /** {@return the array the text is in, from index 0; valid until the next change} */
    byte[] bytes() {
      return bytes;
    }

    /** {@return how many bytes of {@link #bytes()} the text is} */
    int length() {
      return length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, length);
    }

    void clear() {
      length = 0;
    }

    Text append(byte[] ascii) {
      room(ascii.length);
      System.arraycopy(ascii, 0, bytes, length, ascii.length);
      length += ascii.length;
      return this;
    }

    /** Appends {@code value} (not negative) in decimal. */
    Text append(long value) {
      return append(value, 1);
    }

    /** Appends {@code value} (not negative) in decimal, zero-padded to {@code width} digits. */
    Text append(long value, int width) {
      int at = digits.length;
      for (long v = value; v > 0 || digits.length - at < width; v /= 10) {
        digits[--at] = (byte) ('0' + v % 10);
      }
      int count = digits.length - at;
      room(count);
      System.arraycopy(digits, at, bytes, length, count);
      length += count;
      return this;
    }

    private void room(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }
  }
}
