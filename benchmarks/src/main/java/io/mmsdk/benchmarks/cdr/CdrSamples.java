package io.mmsdk.benchmarks.cdr;

import java.nio.charset.StandardCharsets;

/** Generates realistic CDR batches for benchmarks. */
final class CdrSamples {
  private CdrSamples() {}

  /**
   * Returns one batch of {@code records} records cycling through a leg's life: callLegStart,
   * callLegUpdate, callLegEnd (with alarms and media statistics), plus callStart/callEnd.
   */
  static byte[] batch(String session, long firstIndex, int records) {
    StringBuilder sb = new StringBuilder(records * 600);
    sb.append("<?xml version=\"1.0\"?><records session=\"").append(session)
        .append("\" callBridge=\"cb000001-0000-4000-8000-00000000b001\">\n");
    for (int i = 0; i < records; i++) {
      long idx = firstIndex + i;
      String leg = "leg" + digits(i % 100000, 5) + "-0000-4000-8000-" + digits(idx, 12);
      String call = "call" + digits(i % 10000, 4) + "-0000-4000-8000-" + digits(idx / 5, 12);
      record(sb, RECORD_TYPES[i % 5], idx, i, SPACE, call, leg);
    }
    sb.append("</records>\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The space every call of {@link #batch} is in. */
  static final String SPACE = "space001-0000-4000-8000-000000000001";

  /** The record types {@link #record} writes. */
  static final String[] RECORD_TYPES = {"callStart", "callLegStart", "callLegUpdate", "callLegEnd",
      "callEnd"};

  /**
   * Appends one {@code <record>} of {@code type} (one of {@link #RECORD_TYPES}) with correlator
   * index {@code idx} about {@code call} (in space {@code space}) and {@code leg}; {@code i} varies
   * names and addresses.
   */
  static void record(StringBuilder sb, String type, long idx, int i, String space, String call,
      String leg) {
    sb.append("<record type=\"");
    switch (type) {
        case "callStart" -> sb.append("callStart").append(head(idx)).append("<call id=\"").append(call)
            .append("\"><name>Project sync ").append(i).append("</name><ownerName/>")
            .append("<callType>coSpace</callType><coSpace>").append(space)
            .append("</coSpace><callCorrelator>corr0001-0000-4000-8000-").append(digits(idx, 12))
            .append("</callCorrelator><tenant>tenant01-0000-4000-8000-000000000001</tenant></call>");
        case "callLegStart" -> sb.append("callLegStart").append(head(idx)).append("<callLeg id=\"").append(leg)
            .append("\"><displayName>Participant ").append(i).append("</displayName>")
            .append("<remoteParty>user").append(i).append("@example.org</remoteParty>")
            .append("<localAddress>meet@example.org</localAddress><type>sip</type><subType>sip</subType>")
            .append("<direction>incoming</direction><call>").append(call).append("</call>")
            .append("<sipCallId>").append(idx).append("@sbc.example.org</sipCallId>")
            .append("<groupId>grp00001-0000-4000-8000-000000000001</groupId><canMove>true</canMove></callLeg>");
        case "callLegUpdate" -> sb.append("callLegUpdate").append(head(idx)).append("<callLeg id=\"").append(leg)
            .append("\"><state>connected</state><call>").append(call).append("</call>")
            .append("<deactivated>false</deactivated><confirmationStatus>notRequired</confirmationStatus>")
            .append("</callLeg>");
        case "callLegEnd" -> sb.append("callLegEnd").append(head(idx)).append("<callLeg id=\"").append(leg)
            .append("\"><reason>remoteTeardown</reason><remoteTeardown>true</remoteTeardown>")
            .append("<durationSeconds>3912</durationSeconds><activatedDuration>3900</activatedDuration>")
            .append("<mediaUsagePercentages><mainVideoViewer>99.9</mainVideoViewer>")
            .append("<mainVideoContributor>98.5</mainVideoContributor></mediaUsagePercentages>")
            .append("<alarm type=\"packetLoss\" durationPercentage=\"0.1\"/>")
            .append("<alarm type=\"excessiveJitter\" durationPercentage=\"0.0\"/>")
            .append("<encryptedMedia>true</encryptedMedia>")
            .append("<rxAudio><codec>opus</codec><packetStatistics><packetLossBursts><duration>0.2")
            .append("</duration><density>0.01</density></packetLossBursts></packetStatistics></rxAudio>")
            .append("<txAudio><codec>opus</codec></txAudio><rxVideo><codec>h264</codec>")
            .append("<maxSizeWidth>1280</maxSizeWidth><maxSizeHeight>720</maxSizeHeight></rxVideo>")
            .append("<txVideo><codec>h264</codec><maxSizeWidth>1280</maxSizeWidth>")
            .append("<maxSizeHeight>720</maxSizeHeight></txVideo></callLeg>");
        default -> sb.append("callEnd").append(head(idx)).append("<call id=\"").append(call)
            .append("\"><callLegsCompleted>3</callLegsCompleted><callLegsMaxActive>3</callLegsMaxActive>")
            .append("<durationSeconds>3955</durationSeconds></call>");
    }
    sb.append("</record>\n");
  }

  /**
   * {@return {@code value} (not negative) in decimal, zero-padded to {@code width} digits} Cheaper
   * than {@code String.format}, which would dominate a load generator's cost per batch.
   */
  static String digits(long value, int width) {
    String s = Long.toString(value);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  private static String head(long idx) {
    return "\" time=\"2026-03-02T09:00:00Z\" recordIndex=\"" + (idx + 1) + "\" correlatorIndex=\""
        + idx + "\">";
  }
}
