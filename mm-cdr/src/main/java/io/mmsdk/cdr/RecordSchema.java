package io.mmsdk.cdr;

import static io.mmsdk.cdr.RecordSchema.Field.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The known CDR record types as a table: for each {@code <record type>}, the element holding its
 * body, the leaf {@link Field}s it knows, and how a read {@link Body} becomes the typed record.
 * {@link StaxCdrReader} reads any body the same way with this table; a new leaf or record type is a
 * row here, not new reading code.
 */
enum RecordSchema {
  CALL_START("callStart", "call",
      (b, u) -> new CallStart(b.header, b.id, b.text(NAME), b.text(OWNER_NAME), b.text(CALL_TYPE),
          b.text(CO_SPACE), b.text(CALL_CORRELATOR), b.text(TENANT), b.text(CDR_TAG), u),
      NAME, OWNER_NAME, CALL_TYPE, CO_SPACE, CALL_CORRELATOR, TENANT, CDR_TAG),
  CALL_END("callEnd", "call",
      (b, u) -> new CallEnd(b.header, b.id, b.lng(CALL_LEGS_COMPLETED), b.lng(CALL_LEGS_MAX_ACTIVE),
          b.lng(DURATION_SECONDS), b.flag(ENDPOINT_RECORDED), u),
      CALL_LEGS_COMPLETED, CALL_LEGS_MAX_ACTIVE, DURATION_SECONDS, ENDPOINT_RECORDED),
  CALL_LEG_START("callLegStart", "callLeg",
      (b, u) -> new CallLegStart(b.header, b.id, b.text(CALL), b.text(DISPLAY_NAME),
          b.text(REMOTE_PARTY), b.text(REMOTE_ADDRESS), b.text(LOCAL_ADDRESS), b.text(TYPE),
          b.text(SUB_TYPE), b.text(LYNC_SUB_TYPE), b.text(DIRECTION), b.text(OWNER_ID),
          b.text(SIP_CALL_ID), b.text(GROUP_ID), b.text(CDR_TAG), b.flag(GUEST_CONNECTION),
          b.flag(RECORDING), b.flag(STREAMING), b.flag(CAN_MOVE), b.text(MOVED_CALL_LEG),
          b.text(MOVED_CALL_LEG_CALL_BRIDGE), b.text(REPLACES_SIP_CALL_ID),
          b.text(CONFIRMATION_STATUS), b.has(IVR), u),
      CALL, DISPLAY_NAME, REMOTE_PARTY, REMOTE_ADDRESS, LOCAL_ADDRESS, TYPE, SUB_TYPE,
      LYNC_SUB_TYPE, DIRECTION, OWNER_ID, SIP_CALL_ID, GROUP_ID, CDR_TAG, GUEST_CONNECTION,
      RECORDING, STREAMING, CAN_MOVE, MOVED_CALL_LEG, MOVED_CALL_LEG_CALL_BRIDGE,
      REPLACES_SIP_CALL_ID, CONFIRMATION_STATUS, IVR),
  CALL_LEG_UPDATE("callLegUpdate", "callLeg",
      (b, u) -> new CallLegUpdate(b.header, b.id, b.text(STATE), b.text(CALL), b.has(IVR),
          b.flag(DEACTIVATED), b.text(OWNER_ID), b.text(SIP_CALL_ID), b.text(GROUP_ID),
          b.text(DISPLAY_NAME), b.text(REMOTE_ADDRESS), b.flag(CAN_MOVE),
          b.text(CONFIRMATION_STATUS), b.text(CDR_TAG), u),
      STATE, CALL, IVR, DEACTIVATED, OWNER_ID, SIP_CALL_ID, GROUP_ID, DISPLAY_NAME,
      REMOTE_ADDRESS, CAN_MOVE, CONFIRMATION_STATUS, CDR_TAG),
  /** The one type with nested structures; {@link StaxCdrReader} reads those into the body. */
  CALL_LEG_END("callLegEnd", "callLeg",
      (b, u) -> {
        Long max = b.lng(MAX_SCREENS);
        return new CallLegEnd(b.header, b.id, b.text(REASON), b.flag(REMOTE_TEARDOWN),
            b.lng(DURATION_SECONDS), b.lng(ACTIVATED_DURATION), b.flag(ENCRYPTED_MEDIA),
            b.flag(UNENCRYPTED_MEDIA), b.text(CONFIRMATION_STATUS), b.text(SIP_CALL_ID),
            b.text(OWNER_ID), b.text(CDR_TAG), max == null ? null : (int) (long) max, b.usage,
            b.alarms == null ? List.of() : b.alarms, b.rxAudio, b.txAudio, b.rxVideo, b.txVideo,
            u);
      },
      REASON, REMOTE_TEARDOWN, DURATION_SECONDS, ACTIVATED_DURATION, ENCRYPTED_MEDIA,
      UNENCRYPTED_MEDIA, CONFIRMATION_STATUS, SIP_CALL_ID, OWNER_ID, CDR_TAG, MAX_SCREENS),
  RECORDING_START("recordingStart", "recording",
      (b, u) -> new RecordingStart(b.header, b.id, b.text(PATH),
          b.has(RECORDER_URL) ? b.text(RECORDER_URL) : b.text(RECORDER_URI), b.text(CALL),
          b.text(CALL_LEG), u),
      PATH, RECORDER_URL, RECORDER_URI, CALL, CALL_LEG),
  RECORDING_END("recordingEnd", "recording",
      (b, u) -> new RecordingEnd(b.header, b.id, u)),
  STREAMING_START("streamingStart", "streaming",
      (b, u) -> new StreamingStart(b.header, b.id, b.text(STREAM_URL),
          b.has(STREAMER_URL) ? b.text(STREAMER_URL) : b.text(STREAMER_URI), b.text(CALL),
          b.text(CALL_LEG), u),
      STREAM_URL, STREAMER_URL, STREAMER_URI, CALL, CALL_LEG),
  STREAMING_END("streamingEnd", "streaming",
      (b, u) -> new StreamingEnd(b.header, b.id, u));

  /** The leaves of record bodies; each type's row says which it knows. */
  enum Field {
    NAME("name"),
    OWNER_NAME("ownerName"),
    CALL_TYPE("callType"),
    CO_SPACE("coSpace"),
    CALL_CORRELATOR("callCorrelator"),
    TENANT("tenant"),
    CDR_TAG("cdrTag"),
    CALL_LEGS_COMPLETED("callLegsCompleted", Scalar.LONG),
    CALL_LEGS_MAX_ACTIVE("callLegsMaxActive", Scalar.LONG),
    DURATION_SECONDS("durationSeconds", Scalar.LONG),
    ENDPOINT_RECORDED("endpointRecorded", Scalar.BOOL),
    CALL("call"),
    DISPLAY_NAME("displayName"),
    REMOTE_PARTY("remoteParty"),
    REMOTE_ADDRESS("remoteAddress"),
    LOCAL_ADDRESS("localAddress"),
    TYPE("type"),
    SUB_TYPE("subType"),
    LYNC_SUB_TYPE("lyncSubType"),
    DIRECTION("direction"),
    OWNER_ID("ownerId"),
    SIP_CALL_ID("sipCallId"),
    GROUP_ID("groupId"),
    GUEST_CONNECTION("guestConnection", Scalar.BOOL),
    RECORDING("recording", Scalar.BOOL),
    STREAMING("streaming", Scalar.BOOL),
    CAN_MOVE("canMove", Scalar.BOOL),
    MOVED_CALL_LEG("movedCallLeg"),
    MOVED_CALL_LEG_CALL_BRIDGE("movedCallLegCallBridge"),
    REPLACES_SIP_CALL_ID("replacesSipCallId"),
    CONFIRMATION_STATUS("confirmationStatus"),
    /** A marker: present (even empty) or not. */
    IVR("ivr"),
    STATE("state"),
    DEACTIVATED("deactivated", Scalar.BOOL),
    REASON("reason"),
    REMOTE_TEARDOWN("remoteTeardown", Scalar.BOOL),
    ACTIVATED_DURATION("activatedDuration", Scalar.LONG),
    ENCRYPTED_MEDIA("encryptedMedia", Scalar.BOOL),
    UNENCRYPTED_MEDIA("unencryptedMedia", Scalar.BOOL),
    MAX_SCREENS("maxScreens", Scalar.LONG),
    PATH("path"),
    RECORDER_URL("recorderUrl"),
    RECORDER_URI("recorderUri"),
    CALL_LEG("callLeg"),
    STREAM_URL("streamUrl"),
    STREAMER_URL("streamerUrl"),
    STREAMER_URI("streamerUri");

    /** Open addressing by String hash, a quarter full: no map entries to follow per look-up. */
    private static final Field[] BY_ELEMENT = new Field[256];

    static {
      for (Field f : values()) {
        int i = f.element.hashCode() & 255;
        while (BY_ELEMENT[i] != null) {
          i = (i + 1) & 255;
        }
        BY_ELEMENT[i] = f;
      }
    }

    /** The element's local name. */
    final String element;
    /** How the text decodes; null for text kept as is. */
    final Scalar kind;
    /** This field's bit in a mask over all fields (there are fewer than 64). */
    final long bit;

    Field(String element) {
      this(element, null);
    }

    Field(String element, Scalar kind) {
      this.element = element;
      this.kind = kind;
      this.bit = 1L << ordinal();
    }

    /** Returns the field read from elements named {@code element}, or null if there is none. */
    static Field named(String element) {
      for (int i = element.hashCode() & 255; ; i = (i + 1) & 255) {
        Field f = BY_ELEMENT[i];
        if (f == null || f.element == element || f.element.equals(element)) {
          return f;
        }
      }
    }
  }

  /**
   * The values read from one body element; reused from record to record, since each body becomes
   * a record at once. Leaf values are text, or a value {@link CdrCursor#readScalar} decoded
   * without a String.
   */
  static final class Body {
    private final CdrCursor cursor;
    private final Object[] values = new Object[Field.values().length];
    /** Which of {@link #values} are set. */
    private long filled;
    RecordHeader header;
    String id;
    List<CallLegEnd.Alarm> alarms;
    CallLegEnd.MediaUsagePercentages usage;
    CallLegEnd.MediaStream rxAudio;
    CallLegEnd.MediaStream txAudio;
    CallLegEnd.MediaStream rxVideo;
    CallLegEnd.MediaStream txVideo;

    Body(CdrCursor cursor) {
      this.cursor = cursor;
    }

    /** Clears the last body's values to read a new one. */
    void start(RecordHeader header, String id) {
      // Only the values the last body set need clearing.
      for (long m = filled; m != 0; m &= m - 1) {
        values[Long.numberOfTrailingZeros(m)] = null;
      }
      filled = 0;
      this.header = header;
      this.id = id;
      alarms = null;
      usage = null;
      rxAudio = null;
      txAudio = null;
      rxVideo = null;
      txVideo = null;
    }

    void set(Field field, Object value) {
      values[field.ordinal()] = value;
      filled |= field.bit;
    }

    boolean has(Field field) {
      return values[field.ordinal()] != null;
    }

    String text(Field field) {
      return (String) values[field.ordinal()];
    }

    Long lng(Field field) {
      return (Long) cursor.decode(Scalar.LONG, field.element, values[field.ordinal()]);
    }

    Boolean flag(Field field) {
      return (Boolean) cursor.decode(Scalar.BOOL, field.element, values[field.ordinal()]);
    }
  }

  /** Turns a read body and the unknown elements found with it into its record. */
  @FunctionalInterface
  interface Builder {
    CdrRecord build(Body body, List<RawElement> unknown);
  }

  private static final Map<String, RecordSchema> BY_TYPE = new HashMap<>();

  static {
    for (RecordSchema s : values()) {
      BY_TYPE.put(s.type, s);
    }
  }

  /** The {@code <record type>} value. */
  final String type;
  /** The local name of the element holding the body. */
  final String bodyElement;
  /** The fields this type knows, as a mask of {@link Field#bit}s. */
  final long known;
  private final Builder builder;

  RecordSchema(String type, String bodyElement, Builder builder, Field... known) {
    this.type = type;
    this.bodyElement = bodyElement;
    this.builder = builder;
    long m = 0;
    for (Field f : known) {
      m |= f.bit;
    }
    this.known = m;
  }

  /** Returns the schema of records of {@code type}, or null for a type this SDK does not know. */
  static RecordSchema forType(String type) {
    return BY_TYPE.get(type);
  }

  /**
   * Builds the record from {@code body}, which must have been read for this type, keeping {@code
   * unknown} as its unknown elements. Building again from the same body gives the same values.
   *
   * @throws CdrParseException if a leaf's text is not of its field's kind
   */
  CdrRecord build(Body body, List<RawElement> unknown) {
    return builder.build(body, unknown);
  }
}
