package io.mmsdk.cdr;

import io.mmsdk.cdr.CdrParseException.Kind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.io.Stax2ByteArraySource;

/**
 * One parse of one document; not thread-safe, used once. Reads {@code bytes} directly when the
 * factory is a Stax2 one (Aalto), otherwise the already decoded {@code chars}.
 */
final class StaxCdrReader {
  /** The parser's bounds, see {@link CdrParser.Builder}. */
  record Limits(int maxRecords, int maxTextLength, int maxDepth, int maxUnknownElements) {}

  private final XMLInputFactory factory;
  private final byte[] bytes;
  private final java.io.Reader chars;
  private final int maxRecords;
  private final int maxTextLength;
  private final int maxDepth;
  private final int maxUnknownElements;
  private final String[] path;
  private int depth;
  private int recordNumber;
  /** Children of {@code <records>} read so far, records and unknown elements alike. */
  private int topLevel;
  private int unknownElements;
  private XMLStreamReader r;
  private String lastTimeText;
  /** Leaf values of the body being read; reused because each body is turned into a record at once. */
  private final String[] slots = new String[SLOTS];
  /** Numbers and booleans of the body read without a String, by slot; a slot uses one array. */
  private final Object[] values = new Object[SLOTS];
  /** Holds a short text while it is checked for being a plain number. */
  private final char[] scratch = new char[32];
  /** Which of {@link #slots} hold a value. */
  private long filled;
  private Instant lastTime;

  StaxCdrReader(XMLInputFactory factory, byte[] bytes, java.io.Reader chars, Limits limits) {
    this.factory = factory;
    this.bytes = bytes;
    this.chars = chars;
    this.maxRecords = limits.maxRecords();
    this.maxTextLength = limits.maxTextLength();
    this.maxDepth = limits.maxDepth();
    this.maxUnknownElements = limits.maxUnknownElements();
    this.path = new String[maxDepth + 1];
  }

  CdrBatch read() {
    try {
      // A whole array goes to Stax2 readers as is, saving the stream wrappers and a buffer copy.
      r = bytes != null
          ? factory.createXMLStreamReader(new Stax2ByteArraySource(bytes, 0, bytes.length))
          : factory.createXMLStreamReader(chars);
      try {
        return readDocument();
      } catch (CdrParseException e) {
        throw e;
      } catch (RuntimeException e) {
        // Some StAX implementations (Aalto) report errors found while reading text lazily as an
        // unchecked wrapper around the XMLStreamException.
        if (e.getCause() instanceof XMLStreamException x) {
          throw x;
        }
        throw readerFailed(e);
      } finally {
        r.close();
      }
    } catch (CdrParseException e) {
      throw e;
    } catch (RuntimeException e) {
      throw readerFailed(e);
    } catch (XMLStreamException e) {
      Location loc = e.getLocation();
      throw new CdrParseException(
          Kind.NOT_WELL_FORMED,
          "CDR document is not well-formed XML: " + stripLocation(e.getMessage()),
          pathString(),
          loc == null ? -1 : loc.getLineNumber(),
          loc == null ? -1 : loc.getColumnNumber(),
          e);
    }
  }

  /**
   * An unchecked exception from inside the StAX implementation on hostile input (seen: Aalto's
   * NullPointerException on some encodings): the document cannot be read, which is the caller's
   * input problem, reported as such with the cause kept.
   */
  private CdrParseException readerFailed(RuntimeException e) {
    return error(Kind.NOT_WELL_FORMED,
        "the XML reader failed on this CDR document (" + e.getClass().getSimpleName() + ": "
            + e.getMessage() + "); it is not a document a Call Bridge sends", e);
  }

  private CdrBatch readDocument() throws XMLStreamException {
    int ev = nextSignificant();
    if (ev != XMLStreamConstants.START_ELEMENT) {
      throw error(Kind.UNEXPECTED, "CDR document has no root element", null);
    }
    push();
    if (!"records".equals(r.getLocalName())) {
      throw error(Kind.UNEXPECTED,
          "root element is <" + r.getLocalName() + ">, expected <records session=\"...\">", null);
    }
    String session = trimToNull(r.getAttributeValue(null, "session"));
    if (session == null) {
      throw error(Kind.UNEXPECTED,
          "<records> has no session attribute; every Call Bridge batch carries one", null);
    }
    String callBridge = trimToNull(r.getAttributeValue(null, "callBridge"));
    List<CdrRecord> records = new ArrayList<>();
    List<RawElement> unknown = null;
    while (true) {
      ev = nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        pop();
        break;
      }
      if (ev == XMLStreamConstants.CHARACTERS) {
        continue;
      }
      boolean isRecord = "record".equals(push());
      if (++topLevel > maxRecords) {
        throw error(Kind.LIMIT_EXCEEDED,
            "CDR batch has more than " + maxRecords + " records (elements under <records>);"
                + " raise CdrParser.builder().maxRecords(...) if this is expected",
            null);
      }
      if (isRecord) {
        recordNumber++;
        records.add(readRecord());
      } else {
        unknown = add(unknown, readRaw());
      }
    }
    // Anything after the root other than comments and whitespace is rejected by the reader itself.
    while (r.hasNext()) {
      ev = r.next();
      if (ev == XMLStreamConstants.DTD) {
        throw error(Kind.UNEXPECTED, "document type declarations are not accepted", null);
      }
    }
    return new CdrBatch(session, callBridge, records, unknown == null ? List.of() : unknown);
  }

  /** Skips comments, processing instructions and whitespace; refuses DTDs and entities. */
  private int nextSignificant() throws XMLStreamException {
    while (true) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.COMMENT:
        case XMLStreamConstants.PROCESSING_INSTRUCTION:
        case XMLStreamConstants.SPACE:
        case XMLStreamConstants.START_DOCUMENT:
          continue;
        case XMLStreamConstants.DTD:
          throw error(Kind.UNEXPECTED,
              "document type declarations are not accepted in CDR documents (DTDs enable entity"
                  + " expansion and external entity attacks)",
              null);
        case XMLStreamConstants.ENTITY_REFERENCE:
          throw error(Kind.UNEXPECTED,
              "entity reference &" + r.getLocalName() + "; is not accepted in CDR documents", null);
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
          if (r.isWhiteSpace()) {
            continue;
          }
          throw error(Kind.UNEXPECTED, "unexpected text \"" + abbreviate(r.getText()) + "\"", null);
        case XMLStreamConstants.END_DOCUMENT:
          throw error(Kind.UNEXPECTED, "CDR document ended before its root element", null);
        default:
          return ev;
      }
    }
  }

  private CdrRecord readRecord() throws XMLStreamException {
    // One pass over the attributes by index: cheaper than five look-ups by name.
    String typeAttr = null;
    String time = null;
    int recordIndex = -1;
    int correlatorIndex = -1;
    int missing = -1;
    for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
      switch (r.getAttributeLocalName(i)) {
        case "type" -> typeAttr = r.getAttributeValue(i);
        case "time" -> time = r.getAttributeValue(i);
        case "recordIndex" -> recordIndex = i;
        case "correlatorIndex" -> correlatorIndex = i;
        case "numPreceedingRecordsMissing" -> missing = i;
        default -> { }
      }
    }
    String type = trimToNull(typeAttr);
    if (type == null) {
      throw error(Kind.UNEXPECTED, "<record> has no type attribute", null);
    }
    RecordHeader header =
        new RecordHeader(
            type,
            instant(time),
            number("recordIndex", recordIndex, true),
            number("correlatorIndex", correlatorIndex, true),
            number("numPreceedingRecordsMissing", missing, false));
    String bodyName = bodyElementFor(type);
    CdrRecord result = null;
    List<RawElement> extra = null;
    while (true) {
      int ev = nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        pop();
        break;
      }
      String name = push();
      if (result == null && bodyName != null && bodyName.equals(name)) {
        result = readBody(header);
      } else {
        extra = add(extra, readRaw());
      }
    }
    if (bodyName == null) {
      return new UnknownRecord(header, extra == null ? List.of() : extra);
    }
    if (result == null) {
      throw error(Kind.UNEXPECTED,
          "record of type " + type + " has no <" + bodyName + " id=\"...\"> element", null);
    }
    return extra == null ? result : withExtra(result, extra);
  }

  private static String bodyElementFor(String type) {
    switch (type) {
      case "callStart":
      case "callEnd":
        return "call";
      case "callLegStart":
      case "callLegUpdate":
      case "callLegEnd":
        return "callLeg";
      case "recordingStart":
      case "recordingEnd":
        return "recording";
      case "streamingStart":
      case "streamingEnd":
        return "streaming";
      default:
        return null;
    }
  }

  // Leaf fields of a body, one slot each; a type's mask says which leaves it knows.
  private static final int NAME = 0;
  private static final int OWNER_NAME = 1;
  private static final int CALL_TYPE = 2;
  private static final int CO_SPACE = 3;
  private static final int CALL_CORRELATOR = 4;
  private static final int TENANT = 5;
  private static final int CDR_TAG = 6;
  private static final int CALL_LEGS_COMPLETED = 7;
  private static final int CALL_LEGS_MAX_ACTIVE = 8;
  private static final int DURATION_SECONDS = 9;
  private static final int ENDPOINT_RECORDED = 10;
  private static final int CALL = 11;
  private static final int DISPLAY_NAME = 12;
  private static final int REMOTE_PARTY = 13;
  private static final int REMOTE_ADDRESS = 14;
  private static final int LOCAL_ADDRESS = 15;
  private static final int TYPE = 16;
  private static final int SUB_TYPE = 17;
  private static final int LYNC_SUB_TYPE = 18;
  private static final int DIRECTION = 19;
  private static final int OWNER_ID = 20;
  private static final int SIP_CALL_ID = 21;
  private static final int GROUP_ID = 22;
  private static final int GUEST_CONNECTION = 23;
  private static final int RECORDING = 24;
  private static final int STREAMING = 25;
  private static final int CAN_MOVE = 26;
  private static final int MOVED_CALL_LEG = 27;
  private static final int MOVED_CALL_LEG_CALL_BRIDGE = 28;
  private static final int REPLACES_SIP_CALL_ID = 29;
  private static final int CONFIRMATION_STATUS = 30;
  private static final int IVR = 31;
  private static final int STATE = 32;
  private static final int DEACTIVATED = 33;
  private static final int REASON = 34;
  private static final int REMOTE_TEARDOWN = 35;
  private static final int ACTIVATED_DURATION = 36;
  private static final int ENCRYPTED_MEDIA = 37;
  private static final int UNENCRYPTED_MEDIA = 38;
  private static final int MAX_SCREENS = 39;
  private static final int PATH = 40;
  private static final int RECORDER_URL = 41;
  private static final int RECORDER_URI = 42;
  private static final int CALL_LEG = 43;
  private static final int STREAM_URL = 44;
  private static final int STREAMER_URL = 45;
  private static final int STREAMER_URI = 46;
  private static final int SLOTS = 47;

  private static final int T_CALL_START = 0;
  private static final int T_CALL_END = 1;
  private static final int T_LEG_START = 2;
  private static final int T_LEG_UPDATE = 3;
  private static final int T_LEG_END = 4;
  private static final int T_RECORDING_START = 5;
  private static final int T_RECORDING_END = 6;
  private static final int T_STREAMING_START = 7;
  private static final int T_STREAMING_END = 8;

  /** Known leaves per record type, as bit masks over the slots. */
  private static final long[] KNOWN = {
      bits(NAME, OWNER_NAME, CALL_TYPE, CO_SPACE, CALL_CORRELATOR, TENANT, CDR_TAG),
      bits(CALL_LEGS_COMPLETED, CALL_LEGS_MAX_ACTIVE, DURATION_SECONDS, ENDPOINT_RECORDED),
      bits(CALL, DISPLAY_NAME, REMOTE_PARTY, REMOTE_ADDRESS, LOCAL_ADDRESS, TYPE, SUB_TYPE,
          LYNC_SUB_TYPE, DIRECTION, OWNER_ID, SIP_CALL_ID, GROUP_ID, CDR_TAG, GUEST_CONNECTION,
          RECORDING, STREAMING, CAN_MOVE, MOVED_CALL_LEG, MOVED_CALL_LEG_CALL_BRIDGE,
          REPLACES_SIP_CALL_ID, CONFIRMATION_STATUS, IVR),
      bits(STATE, CALL, IVR, DEACTIVATED, OWNER_ID, SIP_CALL_ID, GROUP_ID, DISPLAY_NAME,
          REMOTE_ADDRESS, CAN_MOVE, CONFIRMATION_STATUS, CDR_TAG),
      bits(REASON, REMOTE_TEARDOWN, DURATION_SECONDS, ACTIVATED_DURATION, ENCRYPTED_MEDIA,
          UNENCRYPTED_MEDIA, CONFIRMATION_STATUS, SIP_CALL_ID, OWNER_ID, CDR_TAG, MAX_SCREENS),
      bits(PATH, RECORDER_URL, RECORDER_URI, CALL, CALL_LEG),
      0L,
      bits(STREAM_URL, STREAMER_URL, STREAMER_URI, CALL, CALL_LEG),
      0L,
  };

  /** Slots read as whole numbers and as booleans. */
  private static final long LONG_SLOTS = bits(CALL_LEGS_COMPLETED, CALL_LEGS_MAX_ACTIVE,
      DURATION_SECONDS, ACTIVATED_DURATION, MAX_SCREENS);
  private static final long BOOL_SLOTS = bits(ENDPOINT_RECORDED, GUEST_CONNECTION, RECORDING,
      STREAMING, CAN_MOVE, DEACTIVATED, REMOTE_TEARDOWN, ENCRYPTED_MEDIA, UNENCRYPTED_MEDIA);

  private static long bits(int... slots) {
    long m = 0;
    for (int s : slots) {
      m |= 1L << s;
    }
    return m;
  }

  private static int typeCode(String type) {
    switch (type) {
      case "callStart":
        return T_CALL_START;
      case "callEnd":
        return T_CALL_END;
      case "callLegStart":
        return T_LEG_START;
      case "callLegUpdate":
        return T_LEG_UPDATE;
      case "callLegEnd":
        return T_LEG_END;
      case "recordingStart":
        return T_RECORDING_START;
      case "recordingEnd":
        return T_RECORDING_END;
      case "streamingStart":
        return T_STREAMING_START;
      default:
        return T_STREAMING_END;
    }
  }

  private static int slotOf(String name) {
    switch (name) {
      case "name": return NAME;
      case "ownerName": return OWNER_NAME;
      case "callType": return CALL_TYPE;
      case "coSpace": return CO_SPACE;
      case "callCorrelator": return CALL_CORRELATOR;
      case "tenant": return TENANT;
      case "cdrTag": return CDR_TAG;
      case "callLegsCompleted": return CALL_LEGS_COMPLETED;
      case "callLegsMaxActive": return CALL_LEGS_MAX_ACTIVE;
      case "durationSeconds": return DURATION_SECONDS;
      case "endpointRecorded": return ENDPOINT_RECORDED;
      case "call": return CALL;
      case "displayName": return DISPLAY_NAME;
      case "remoteParty": return REMOTE_PARTY;
      case "remoteAddress": return REMOTE_ADDRESS;
      case "localAddress": return LOCAL_ADDRESS;
      case "type": return TYPE;
      case "subType": return SUB_TYPE;
      case "lyncSubType": return LYNC_SUB_TYPE;
      case "direction": return DIRECTION;
      case "ownerId": return OWNER_ID;
      case "sipCallId": return SIP_CALL_ID;
      case "groupId": return GROUP_ID;
      case "guestConnection": return GUEST_CONNECTION;
      case "recording": return RECORDING;
      case "streaming": return STREAMING;
      case "canMove": return CAN_MOVE;
      case "movedCallLeg": return MOVED_CALL_LEG;
      case "movedCallLegCallBridge": return MOVED_CALL_LEG_CALL_BRIDGE;
      case "replacesSipCallId": return REPLACES_SIP_CALL_ID;
      case "confirmationStatus": return CONFIRMATION_STATUS;
      case "ivr": return IVR;
      case "state": return STATE;
      case "deactivated": return DEACTIVATED;
      case "reason": return REASON;
      case "remoteTeardown": return REMOTE_TEARDOWN;
      case "activatedDuration": return ACTIVATED_DURATION;
      case "encryptedMedia": return ENCRYPTED_MEDIA;
      case "unencryptedMedia": return UNENCRYPTED_MEDIA;
      case "maxScreens": return MAX_SCREENS;
      case "path": return PATH;
      case "recorderUrl": return RECORDER_URL;
      case "recorderUri": return RECORDER_URI;
      case "callLeg": return CALL_LEG;
      case "streamUrl": return STREAM_URL;
      case "streamerUrl": return STREAMER_URL;
      case "streamerUri": return STREAMER_URI;
      default: return -1;
    }
  }

  /** Reads the children of a {@code <call>}, {@code <callLeg>}, ... element into a record. */
  private CdrRecord readBody(RecordHeader header) throws XMLStreamException {
    String id = trimToNull(r.getAttributeValue(null, "id"));
    if (id == null) {
      throw error(Kind.UNEXPECTED,
          "<" + r.getLocalName() + "> has no id attribute; CDR bodies always carry one", null);
    }
    int type = typeCode(header.type());
    long known = KNOWN[type];
    boolean legEnd = type == T_LEG_END;
    String[] f = slots;
    // Only the slots the last body set need clearing.
    for (long m = filled; m != 0; m &= m - 1) {
      int i = Long.numberOfTrailingZeros(m);
      f[i] = null;
      values[i] = null;
    }
    long set = 0;
    List<RawElement> unknown = null;
    List<CallLegEnd.Alarm> alarms = null;
    CallLegEnd.MediaUsagePercentages usage = null;
    CallLegEnd.MediaStream rxAudio = null;
    CallLegEnd.MediaStream txAudio = null;
    CallLegEnd.MediaStream rxVideo = null;
    CallLegEnd.MediaStream txVideo = null;
    while (true) {
      int ev = nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        pop();
        break;
      }
      String name = push();
      if (legEnd) {
        switch (name) {
          case "alarm":
            if (alarms == null) {
              alarms = new ArrayList<>(4);
            }
            alarms.add(readAlarm());
            continue;
          case "mediaUsagePercentages":
            usage = readUsage();
            continue;
          case "rxAudio":
            rxAudio = readStream();
            continue;
          case "txAudio":
            txAudio = readStream();
            continue;
          case "rxVideo":
            rxVideo = readStream();
            continue;
          case "txVideo":
            txVideo = readStream();
            continue;
          default:
            break;
        }
      }
      int slot = slotOf(name);
      long bit = slot >= 0 ? 1L << slot : 0;
      if ((known & bit) != 0) {
        Object v = (LONG_SLOTS & bit) != 0 ? readScalar(name, LONG)
            : (BOOL_SLOTS & bit) != 0 ? readScalar(name, BOOL)
            : readLeafOrRaw(name);
        if (v instanceof String s) {
          // An empty element means "no value", except the <ivr/> marker whose presence matters.
          if (!s.isEmpty() || slot == IVR) {
            f[slot] = s;
            values[slot] = null;
            set |= bit;
          }
        } else if (v instanceof RawElement e) {
          unknown = add(unknown, e);
        } else {
          values[slot] = v;
          f[slot] = null;
          set |= bit;
        }
      } else {
        unknown = add(unknown, readRaw());
      }
    }
    filled = set;
    List<RawElement> u = unknown == null ? List.of() : unknown;
    switch (type) {
      case T_CALL_START:
        return new CallStart(header, id, f[NAME], f[OWNER_NAME], f[CALL_TYPE], f[CO_SPACE],
            f[CALL_CORRELATOR], f[TENANT], f[CDR_TAG], u);
      case T_CALL_END:
        return new CallEnd(header, id, lng(f, CALL_LEGS_COMPLETED, "callLegsCompleted"),
            lng(f, CALL_LEGS_MAX_ACTIVE, "callLegsMaxActive"),
            lng(f, DURATION_SECONDS, "durationSeconds"), flag(ENDPOINT_RECORDED), u);
      case T_LEG_START:
        return new CallLegStart(header, id, f[CALL], f[DISPLAY_NAME], f[REMOTE_PARTY],
            f[REMOTE_ADDRESS], f[LOCAL_ADDRESS], f[TYPE], f[SUB_TYPE], f[LYNC_SUB_TYPE],
            f[DIRECTION], f[OWNER_ID], f[SIP_CALL_ID], f[GROUP_ID], f[CDR_TAG],
            flag(GUEST_CONNECTION), flag(RECORDING), flag(STREAMING), flag(CAN_MOVE),
            f[MOVED_CALL_LEG], f[MOVED_CALL_LEG_CALL_BRIDGE], f[REPLACES_SIP_CALL_ID],
            f[CONFIRMATION_STATUS], f[IVR] != null, u);
      case T_LEG_UPDATE:
        return new CallLegUpdate(header, id, f[STATE], f[CALL], f[IVR] != null,
            flag(DEACTIVATED), f[OWNER_ID], f[SIP_CALL_ID], f[GROUP_ID], f[DISPLAY_NAME],
            f[REMOTE_ADDRESS], flag(CAN_MOVE), f[CONFIRMATION_STATUS], f[CDR_TAG], u);
      case T_LEG_END:
        Long max = lng(f, MAX_SCREENS, "maxScreens");
        return new CallLegEnd(header, id, f[REASON], flag(REMOTE_TEARDOWN),
            lng(f, DURATION_SECONDS, "durationSeconds"),
            lng(f, ACTIVATED_DURATION, "activatedDuration"), flag(ENCRYPTED_MEDIA),
            flag(UNENCRYPTED_MEDIA), f[CONFIRMATION_STATUS], f[SIP_CALL_ID], f[OWNER_ID],
            f[CDR_TAG], max == null ? null : (int) (long) max, usage,
            alarms == null ? List.of() : alarms, rxAudio, txAudio, rxVideo, txVideo, u);
      case T_RECORDING_START:
        return new RecordingStart(header, id, f[PATH],
            f[RECORDER_URL] != null ? f[RECORDER_URL] : f[RECORDER_URI], f[CALL], f[CALL_LEG], u);
      case T_RECORDING_END:
        return new RecordingEnd(header, id, u);
      case T_STREAMING_START:
        return new StreamingStart(header, id, f[STREAM_URL],
            f[STREAMER_URL] != null ? f[STREAMER_URL] : f[STREAMER_URI], f[CALL], f[CALL_LEG], u);
      default:
        return new StreamingEnd(header, id, u);
    }
  }

  private static List<RawElement> add(List<RawElement> list, RawElement e) {
    List<RawElement> l = list == null ? new ArrayList<>(2) : list;
    l.add(e);
    return l;
  }

  private CallLegEnd.Alarm readAlarm() throws XMLStreamException {
    String type = trimToNull(r.getAttributeValue(null, "type"));
    if (type == null) {
      throw error(Kind.UNEXPECTED, "<alarm> has no type attribute", null);
    }
    Double pct = dbl("durationPercentage", r.getAttributeValue(null, "durationPercentage"));
    skipContent();
    return new CallLegEnd.Alarm(type, pct);
  }

  private CallLegEnd.MediaUsagePercentages readUsage() throws XMLStreamException {
    Object viewer = null;
    Object contributor = null;
    Object presViewer = null;
    Object presContributor = null;
    Object multi = null;
    while (true) {
      int ev = nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        pop();
        break;
      }
      String name = push();
      Object s = readScalar(name, DOUBLE);
      if (!(s instanceof RawElement)) {
        switch (name) {
          case "mainVideoViewer" -> viewer = s;
          case "mainVideoContributor" -> contributor = s;
          case "presentationViewer" -> presViewer = s;
          case "presentationContributor" -> presContributor = s;
          case "multiStreamVideo" -> multi = s;
          default -> { }
        }
      }
    }
    return new CallLegEnd.MediaUsagePercentages(
        dbl("mainVideoViewer", viewer),
        dbl("mainVideoContributor", contributor),
        dbl("presentationViewer", presViewer),
        dbl("presentationContributor", presContributor),
        dbl("multiStreamVideo", multi));
  }

  private CallLegEnd.LossPeriods readLossPeriods() throws XMLStreamException {
    Object duration = null;
    Object density = null;
    while (true) {
      int ev = nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        pop();
        break;
      }
      String name = push();
      Object s = readScalar(name, DOUBLE);
      if (!(s instanceof RawElement)) {
        if ("duration".equals(name)) {
          duration = s;
        } else if ("density".equals(name)) {
          density = s;
        }
      }
    }
    return new CallLegEnd.LossPeriods(dbl("duration", duration), dbl("density", density));
  }

  private CallLegEnd.MediaStream readStream() throws XMLStreamException {
    String codec = null;
    Integer width = null;
    Integer height = null;
    CallLegEnd.LossPeriods bursts = null;
    CallLegEnd.LossPeriods gap = null;
    while (true) {
      int ev = nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        pop();
        break;
      }
      switch (push()) {
        case "codec" -> codec = leaf();
        case "maxSizeWidth" -> width = integer("maxSizeWidth", readScalar("maxSizeWidth", INT));
        case "maxSizeHeight" -> height = integer("maxSizeHeight", readScalar("maxSizeHeight", INT));
        case "packetStatistics" -> {
          while (true) {
            int e2 = nextSignificant();
            if (e2 == XMLStreamConstants.END_ELEMENT) {
              pop();
              break;
            }
            String n = push();
            if ("packetLossBursts".equals(n)) {
              bursts = readLossPeriods();
            } else if ("packetGap".equals(n)) {
              gap = readLossPeriods();
            } else {
              skipContent();
            }
          }
        }
        default -> skipContent();
      }
    }
    return new CallLegEnd.MediaStream(codec, width, height, bursts, gap);
  }

  /** Reads a leaf's trimmed text; the current event is its START_ELEMENT. */
  private String leaf() throws XMLStreamException {
    Object v = readLeafOrRaw(r.getLocalName());
    return v instanceof String s ? s : null;
  }

  /**
   * Reads the current element. Returns its trimmed text if it has no child elements, otherwise a
   * {@link RawElement} so that nothing is lost.
   */
  private Object readLeafOrRaw(String name) throws XMLStreamException {
    return readLeafFrom(name, attributes(), null, r.next());
  }

  /**
   * Reads the current element like {@link #readLeafOrRaw}, but when it is a plain leaf whose text
   * is a simple number or boolean of the given kind, returns that value (Long, Integer, Double or
   * Boolean) without making a String. Anything else, including a malformed value, comes back as
   * {@link #readLeafOrRaw} gives it, so that the usual conversion reports it.
   */
  private Object readScalar(String name, int kind) throws XMLStreamException {
    if (r.getAttributeCount() != 0) {
      return readLeafOrRaw(name);
    }
    int ev = r.next();
    if (ev != XMLStreamConstants.CHARACTERS) {
      return readLeafFrom(name, Map.of(), null, ev);
    }
    int len = r.getTextLength();
    if (len > scratch.length || len > maxTextLength) {
      return readLeafFrom(name, Map.of(), null, ev);
    }
    r.getTextCharacters(0, scratch, 0, len);
    ev = r.next();
    if (ev == XMLStreamConstants.END_ELEMENT) {
      Object v = scalar(scratch, len, kind);
      if (v != null) {
        pop();
        return v;
      }
    }
    return readLeafFrom(name, Map.of(), new String(scratch, 0, len), ev);
  }

  static final int LONG = 0;
  static final int INT = 1;
  static final int DOUBLE = 2;
  static final int BOOL = 3;

  /** Converts untrimmed plain text the way the String conversions would, or returns null. */
  private static Object scalar(char[] c, int len, int kind) {
    if (len == 0) {
      return null;
    }
    if (kind == BOOL) {
      if (len == 4 && (c[0] | 0x20) == 't' && (c[1] | 0x20) == 'r' && (c[2] | 0x20) == 'u'
          && (c[3] | 0x20) == 'e') {
        return Boolean.TRUE;
      }
      if (len == 5 && c[0] == 'f' && c[1] == 'a' && c[2] == 'l' && c[3] == 's' && c[4] == 'e') {
        return Boolean.FALSE;
      }
      return null;
    }
    int maxDigits = kind == INT ? 9 : kind == LONG ? 18 : 15;
    long m = 0;
    int digits = 0;
    int point = -1;
    for (int i = 0; i < len; i++) {
      char ch = c[i];
      if (ch >= '0' && ch <= '9') {
        m = m * 10 + (ch - '0');
        digits++;
      } else if (ch == '.' && kind == DOUBLE && point < 0 && i > 0 && i < len - 1) {
        point = i;
      } else {
        return null;
      }
    }
    if (digits > maxDigits) {
      return null;
    }
    switch (kind) {
      case LONG:
        return m;
      case INT:
        return (int) m;
      default:
        return point < 0 ? (double) m : m / POW10[len - 1 - point];
    }
  }

  /** Continues reading a leaf or raw element from the event {@code ev}. */
  private Object readLeafFrom(String name, Map<String, String> attrs, String first, int ev)
      throws XMLStreamException {
    String single = first;
    StringBuilder sb = null;
    List<RawElement> children = null;
    for (;; ev = r.next()) {
      switch (ev) {
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
          String t = r.getText();
          if (single == null && sb == null) {
            single = t;
          } else {
            if (sb == null) {
              sb = new StringBuilder(single);
            }
            sb.append(t);
          }
          int len = sb == null ? single.length() : sb.length();
          if (len > maxTextLength) {
            throw error(Kind.LIMIT_EXCEEDED,
                "text of <" + name + "> is longer than " + maxTextLength
                    + " characters; raise CdrParser.builder().maxTextLength(...) if expected",
                null);
          }
          break;
        case XMLStreamConstants.START_ELEMENT:
          push();
          if (children == null) {
            children = new ArrayList<>(2);
          }
          children.add(readRaw());
          break;
        case XMLStreamConstants.END_ELEMENT:
          pop();
          String text = sb != null ? sb.toString().trim() : single == null ? "" : single.trim();
          if (children == null && attrs.isEmpty()) {
            return text;
          }
          countUnknown();
          return new RawElement(name, attrs, text, children == null ? List.of() : children);
        case XMLStreamConstants.DTD:
        case XMLStreamConstants.ENTITY_REFERENCE:
          throw error(Kind.UNEXPECTED, "entity references are not accepted in CDR documents", null);
        default:
          break;
      }
    }
  }

  /** Reads the current element and everything inside it as a {@link RawElement}. */
  private RawElement readRaw() throws XMLStreamException {
    countUnknown();
    String name = r.getLocalName();
    Map<String, String> attrs = attributes();
    StringBuilder sb = new StringBuilder();
    List<RawElement> children = new ArrayList<>(0);
    while (true) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
          sb.append(r.getText());
          if (sb.length() > maxTextLength) {
            throw error(Kind.LIMIT_EXCEEDED,
                "text of <" + name + "> is longer than " + maxTextLength
                    + " characters; raise CdrParser.builder().maxTextLength(...) if expected",
                null);
          }
          break;
        case XMLStreamConstants.START_ELEMENT:
          push();
          children.add(readRaw());
          break;
        case XMLStreamConstants.END_ELEMENT:
          pop();
          return new RawElement(name, attrs, sb.toString().trim(), children);
        case XMLStreamConstants.DTD:
        case XMLStreamConstants.ENTITY_REFERENCE:
          throw error(Kind.UNEXPECTED, "entity references are not accepted in CDR documents", null);
        default:
          break;
      }
    }
  }

  /** Counts one more element kept as a {@link RawElement}, failing past the limit. */
  private void countUnknown() {
    if (++unknownElements > maxUnknownElements) {
      throw error(Kind.LIMIT_EXCEEDED,
          "CDR batch has more than " + maxUnknownElements + " unknown elements; raise"
              + " CdrParser.builder().maxUnknownElements(...) if a newer Call Bridge really sends"
              + " this many",
          null);
    }
  }

  private void skipContent() throws XMLStreamException {
    int level = 1;
    while (level > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        push();
        level++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        pop();
        level--;
      } else if (ev == XMLStreamConstants.CHARACTERS && r.getTextLength() > maxTextLength) {
        throw error(Kind.LIMIT_EXCEEDED,
            "text is longer than " + maxTextLength + " characters", null);
      } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
        throw error(Kind.UNEXPECTED, "entity references are not accepted in CDR documents", null);
      }
    }
  }

  private Map<String, String> attributes() {
    int n = r.getAttributeCount();
    if (n == 0) {
      return Map.of();
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }
    return m;
  }

  /** Enters the current START_ELEMENT and returns its local name. */
  private String push() {
    if (depth >= maxDepth) {
      throw error(Kind.LIMIT_EXCEEDED,
          "elements are nested deeper than " + maxDepth + " levels; CDRs are at most 6 deep", null);
    }
    // The record number is added only when a path is printed, to keep the hot path allocation-free.
    String name = r.getLocalName();
    path[depth++] = name;
    return name;
  }

  private void pop() {
    depth--;
  }

  private String pathString() {
    if (depth == 0) {
      return "/";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      sb.append('/').append(path[i]);
      if (i == 1 && "record".equals(path[i])) {
        sb.append('[').append(recordNumber).append(']');
      }
    }
    return sb.toString();
  }

  private CdrParseException error(Kind kind, String problem, Throwable cause) {
    int line = -1;
    int column = -1;
    if (r != null) {
      try {
        Location loc = r.getLocation();
        line = loc.getLineNumber();
        column = loc.getColumnNumber();
      } catch (RuntimeException ignored) {
        // Location is best effort; the reader may already be unusable.
      }
    }
    return new CdrParseException(kind, problem, pathString(), line, column, cause);
  }

  private Instant instant(String value) {
    String v = trimToNull(value);
    if (v == null) {
      throw error(Kind.UNEXPECTED, "<record> has no time attribute", null);
    }
    // Records of one batch usually share their second: reuse the last result.
    if (v.equals(lastTimeText)) {
      return lastTime;
    }
    Instant fast = fastUtc(v);
    try {
      lastTime = fast != null ? fast : OffsetDateTime.parse(v).toInstant();
      lastTimeText = v;
      return lastTime;
    } catch (DateTimeParseException e) {
      throw error(Kind.UNEXPECTED,
          "time=\"" + abbreviate(v) + "\" is not an RFC 3339 time like 2014-02-28T16:03:25Z", e);
    }
  }

  /** Parses the form the Call Bridge always sends, {@code 2014-02-28T16:03:25Z}, without a formatter. */
  private static Instant fastUtc(String v) {
    if (v.length() != 20 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T'
        || v.charAt(13) != ':' || v.charAt(16) != ':' || v.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 2);
    int day = digits(v, 8, 2);
    int hour = digits(v, 11, 2);
    int minute = digits(v, 14, 2);
    int second = digits(v, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null; // let the full parser produce the error message
    }
    try {
      return java.time.LocalDateTime.of(year, month, day, hour, minute, second)
          .toInstant(java.time.ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int count) {
    int n = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** Reads the attribute at {@code index} (-1 if absent) as a non-negative whole number. */
  private long number(String name, int index, boolean required) {
    // Readers made from a byte array are Stax2 (Aalto) readers, see CdrParser.
    if (index >= 0 && bytes != null) {
      // Stax2 readers decode numbers in place, without a String; anything odd takes the slow path.
      try {
        long n = ((org.codehaus.stax2.XMLStreamReader2) r).getAttributeAsLong(index);
        if (n >= 0) {
          return n;
        }
      } catch (XMLStreamException e) {
        // Reported below with the text at fault.
      }
    }
    return number(name, index < 0 ? null : r.getAttributeValue(index), required);
  }

  private long number(String name, String value, boolean required) {
    String v = trimToNull(value);
    if (v == null) {
      if (required) {
        throw error(Kind.UNEXPECTED, "<record> has no " + name + " attribute", null);
      }
      return 0;
    }
    try {
      long n = Long.parseLong(v);
      if (n < 0) {
        throw new NumberFormatException("negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw error(Kind.UNEXPECTED,
          name + "=\"" + abbreviate(v) + "\" is not a non-negative whole number", e);
    }
  }

  private Boolean flag(int slot) {
    Object v = values[slot];
    return v != null ? (Boolean) v : bool(slots[slot]);
  }

  private Long lng(String[] f, int slot, String name) {
    if (values[slot] != null) {
      return (Long) values[slot];
    }
    String v = f[slot];
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw error(Kind.UNEXPECTED,
          "<" + name + "> is \"" + abbreviate(v) + "\", expected a whole number", e);
    }
  }

  private Integer integer(String name, Object value) {
    if (value instanceof Integer i) {
      return i;
    }
    String v = value instanceof String s ? s : null;
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw error(Kind.UNEXPECTED,
          "<" + name + "> is \"" + abbreviate(v) + "\", expected a whole number", e);
    }
  }

  private Double dbl(String name, Object value) {
    if (value instanceof Double d) {
      return d;
    }
    String v = value instanceof String s ? trimToNull(s) : null;
    if (v == null) {
      return null;
    }
    long fast = simpleDecimal(v);
    if (fast >= 0) {
      // Both operands are exact doubles, so one division is correctly rounded: same as parseDouble.
      return (fast >>> 4) / POW10[(int) (fast & 0xF)];
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw error(Kind.UNEXPECTED,
          name + " is \"" + abbreviate(v) + "\", expected a decimal number like 98.9", e);
    }
  }

  private static final double[] POW10 = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

  /**
   * Reads the plain forms the Call Bridge sends ({@code 98.9}, {@code 0.01}, {@code 3}): at most 15
   * digits with at most one point. Returns the digits as a whole number shifted left by 4, with the
   * count of fraction digits in the low 4 bits, or -1 for anything else (left to parseDouble).
   */
  private static long simpleDecimal(String v) {
    int n = v.length();
    if (n == 0 || n > 16) {
      return -1;
    }
    long m = 0;
    int digits = 0;
    int point = -1;
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        m = m * 10 + (c - '0');
        digits++;
      } else if (c == '.' && point < 0 && i > 0 && i < n - 1) {
        point = i;
      } else {
        return -1;
      }
    }
    if (digits == 0 || digits > 15) {
      return -1;
    }
    int fraction = point < 0 ? 0 : n - 1 - point;
    return (m << 4) | fraction;
  }

  private static Boolean bool(String v) {
    if (v == null || v.isEmpty()) {
      return null;
    }
    return "true".equalsIgnoreCase(v);
  }

  private static String trimToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    return t.isEmpty() ? null : t;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  private static String stripLocation(String msg) {
    if (msg == null) {
      return "";
    }
    int i = msg.indexOf("Message: ");
    return i >= 0 ? msg.substring(i + 9) : msg;
  }

  private static CdrRecord withExtra(CdrRecord rec, List<RawElement> extra) {
    // Children of <record> beside the body are rare; keep them with the body's unknown elements.
    List<RawElement> all = new ArrayList<>(rec.unknownElements());
    all.addAll(extra);
    if (rec instanceof CallStart c) {
      return new CallStart(c.header(), c.callId(), c.name(), c.ownerName(), c.callType(),
          c.coSpace(), c.callCorrelator(), c.tenant(), c.cdrTag(), all);
    } else if (rec instanceof CallEnd c) {
      return new CallEnd(c.header(), c.callId(), c.callLegsCompleted(), c.callLegsMaxActive(),
          c.durationSeconds(), c.endpointRecorded(), all);
    } else if (rec instanceof CallLegStart c) {
      return new CallLegStart(c.header(), c.callLegId(), c.callId(), c.displayName(),
          c.remoteParty(), c.remoteAddress(), c.localAddress(), c.type(), c.subType(),
          c.lyncSubType(), c.direction(), c.ownerId(), c.sipCallId(), c.groupId(), c.cdrTag(),
          c.guestConnection(), c.recording(), c.streaming(), c.canMove(), c.movedCallLeg(),
          c.movedCallLegCallBridge(), c.replacesSipCallId(), c.confirmationStatus(), c.ivr(), all);
    } else if (rec instanceof CallLegUpdate c) {
      return new CallLegUpdate(c.header(), c.callLegId(), c.state(), c.callId(), c.ivr(),
          c.deactivated(), c.ownerId(), c.sipCallId(), c.groupId(), c.displayName(),
          c.remoteAddress(), c.canMove(), c.confirmationStatus(), c.cdrTag(), all);
    } else if (rec instanceof CallLegEnd c) {
      return new CallLegEnd(c.header(), c.callLegId(), c.reason(), c.remoteTeardown(),
          c.durationSeconds(), c.activatedDuration(), c.encryptedMedia(), c.unencryptedMedia(),
          c.confirmationStatus(), c.sipCallId(), c.ownerId(), c.cdrTag(), c.maxScreens(),
          c.mediaUsagePercentages(), c.alarms(), c.rxAudio(), c.txAudio(), c.rxVideo(),
          c.txVideo(), all);
    } else if (rec instanceof RecordingStart c) {
      return new RecordingStart(c.header(), c.recordingId(), c.path(), c.recorderUrl(),
          c.callId(), c.callLegId(), all);
    } else if (rec instanceof RecordingEnd c) {
      return new RecordingEnd(c.header(), c.recordingId(), all);
    } else if (rec instanceof StreamingStart c) {
      return new StreamingStart(c.header(), c.streamingId(), c.streamUrl(), c.streamerUrl(),
          c.callId(), c.callLegId(), all);
    } else if (rec instanceof StreamingEnd c) {
      return new StreamingEnd(c.header(), c.streamingId(), all);
    }
    return rec;
  }
}
