package io.mmsdk.cdr;

import java.nio.charset.StandardCharsets;

/** Builds small CDR documents for tests. */
public final class Batches {
  private Batches() {}

  public static String record(String type, long recordIndex, long correlatorIndex, String body) {
    return record(type, recordIndex, correlatorIndex, 0, body);
  }

  public static String record(String type, long recordIndex, long correlatorIndex, long missing,
      String body) {
    return "<record type=\"" + type + "\" time=\"2026-03-02T09:00:00Z\" recordIndex=\""
        + recordIndex + "\" correlatorIndex=\"" + correlatorIndex + "\""
        + (missing > 0 ? " numPreceedingRecordsMissing=\"" + missing + "\"" : "") + ">" + body
        + "</record>";
  }

  public static byte[] doc(String session, String callBridge, String... records) {
    return ("<?xml version=\"1.0\"?><records session=\"" + session + "\""
        + (callBridge == null ? "" : " callBridge=\"" + callBridge + "\"") + ">"
        + String.join("", records) + "</records>").getBytes(StandardCharsets.UTF_8);
  }

  /** A callEnd record for {@code callId}, useful as a small unique record. */
  public static String callEnd(long recordIndex, long correlatorIndex, String callId) {
    return record("callEnd", recordIndex, correlatorIndex, "<call id=\"" + callId + "\"/>");
  }
}
