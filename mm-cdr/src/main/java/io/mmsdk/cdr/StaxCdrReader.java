package io.mmsdk.cdr;

import io.mmsdk.cdr.CdrParseException.Kind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** One parse of one document; not thread-safe, used once. */
final class StaxCdrReader {
  private final XMLInputFactory factory;
  private final CdrParser.BoundedInputStream in;
  private final int maxRecords;
  private final int maxTextLength;
  private final int maxDepth;
  private final String[] path;
  private int depth;
  private int recordNumber;
  private XMLStreamReader r;
  private String lastTimeText;
  /** Leaf values of the body being read; reused because each body is turned into a record at once. */
  private final Map<String, String> bodyFields = new HashMap<>(32);
  private Instant lastTime;

  StaxCdrReader(
      XMLInputFactory factory,
      CdrParser.BoundedInputStream in,
      int maxRecords,
      int maxTextLength,
      int maxDepth) {
    this.factory = factory;
    this.in = in;
    this.maxRecords = maxRecords;
    this.maxTextLength = maxTextLength;
    this.maxDepth = maxDepth;
    this.path = new String[maxDepth + 1];
  }

  CdrBatch read() {
    try {
      r = factory.createXMLStreamReader(in);
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
        throw e;
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      if (in.exceeded) {
        throw error(Kind.LIMIT_EXCEEDED,
            "CDR document is over the limit of " + in.limit()
                + " bytes; raise CdrParser.builder().maxBytes(...) if batches are really this large",
            e);
      }
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
    List<RawElement> unknown = new ArrayList<>(0);
    while (true) {
      ev = nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        pop();
        break;
      }
      if (ev == XMLStreamConstants.CHARACTERS) {
        continue;
      }
      push();
      if ("record".equals(r.getLocalName())) {
        recordNumber++;
        if (recordNumber > maxRecords) {
          throw error(Kind.LIMIT_EXCEEDED,
              "CDR batch has more than " + maxRecords
                  + " records; raise CdrParser.builder().maxRecords(...) if this is expected",
              null);
        }
        records.add(readRecord());
      } else {
        unknown.add(readRaw());
      }
    }
    // Anything after the root other than comments and whitespace is rejected by the reader itself.
    while (r.hasNext()) {
      ev = r.next();
      if (ev == XMLStreamConstants.DTD) {
        throw error(Kind.UNEXPECTED, "document type declarations are not accepted", null);
      }
    }
    return new CdrBatch(session, callBridge, records, unknown);
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
    String type = trimToNull(r.getAttributeValue(null, "type"));
    if (type == null) {
      throw error(Kind.UNEXPECTED, "<record> has no type attribute", null);
    }
    RecordHeader header =
        new RecordHeader(
            type,
            instant(r.getAttributeValue(null, "time")),
            number("recordIndex", r.getAttributeValue(null, "recordIndex"), true),
            number("correlatorIndex", r.getAttributeValue(null, "correlatorIndex"), true),
            number(
                "numPreceedingRecordsMissing",
                r.getAttributeValue(null, "numPreceedingRecordsMissing"),
                false));
    String bodyName = bodyElementFor(type);
    CdrRecord result = null;
    List<RawElement> extra = new ArrayList<>(0);
    while (true) {
      int ev = nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        pop();
        break;
      }
      push();
      if (result == null && bodyName != null && bodyName.equals(r.getLocalName())) {
        result = readBody(header);
      } else {
        extra.add(readRaw());
      }
    }
    if (bodyName == null) {
      return new UnknownRecord(header, extra);
    }
    if (result == null) {
      throw error(Kind.UNEXPECTED,
          "record of type " + type + " has no <" + bodyName + " id=\"...\"> element", null);
    }
    return extra.isEmpty() ? result : withExtra(result, extra);
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

  /** Reads the children of a {@code <call>}, {@code <callLeg>}, ... element into a record. */
  private CdrRecord readBody(RecordHeader header) throws XMLStreamException {
    String id = trimToNull(r.getAttributeValue(null, "id"));
    if (id == null) {
      throw error(Kind.UNEXPECTED,
          "<" + r.getLocalName() + "> has no id attribute; CDR bodies always carry one", null);
    }
    boolean legEnd = "callLegEnd".equals(header.type());
    Map<String, String> f = bodyFields;
    f.clear();
    List<RawElement> unknown = new ArrayList<>(0);
    List<CallLegEnd.Alarm> alarms = legEnd ? new ArrayList<>(2) : List.of();
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
      push();
      String name = r.getLocalName();
      if (legEnd) {
        switch (name) {
          case "alarm":
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
      if (isKnownLeaf(header.type(), name)) {
        Object v = readLeafOrRaw(name);
        if (v instanceof String s) {
          // An empty element means "no value", except the <ivr/> marker whose presence matters.
          if (!s.isEmpty() || "ivr".equals(name)) {
            f.put(name, s);
          }
        } else {
          unknown.add((RawElement) v);
        }
      } else {
        unknown.add(readRaw());
      }
    }
    switch (header.type()) {
      case "callStart":
        return new CallStart(header, id, f.get("name"), f.get("ownerName"), f.get("callType"),
            f.get("coSpace"), f.get("callCorrelator"), f.get("tenant"), f.get("cdrTag"), unknown);
      case "callEnd":
        return new CallEnd(header, id, lng(f, "callLegsCompleted"), lng(f, "callLegsMaxActive"),
            lng(f, "durationSeconds"), bool(f, "endpointRecorded"), unknown);
      case "callLegStart":
        return new CallLegStart(header, id, f.get("call"), f.get("displayName"),
            f.get("remoteParty"), f.get("remoteAddress"), f.get("localAddress"), f.get("type"),
            f.get("subType"), f.get("lyncSubType"), f.get("direction"), f.get("ownerId"),
            f.get("sipCallId"), f.get("groupId"), f.get("cdrTag"), bool(f, "guestConnection"),
            bool(f, "recording"), bool(f, "streaming"), bool(f, "canMove"),
            f.get("movedCallLeg"), f.get("movedCallLegCallBridge"), f.get("replacesSipCallId"),
            f.get("confirmationStatus"), f.containsKey("ivr"), unknown);
      case "callLegUpdate":
        return new CallLegUpdate(header, id, f.get("state"), f.get("call"), f.containsKey("ivr"),
            bool(f, "deactivated"), f.get("ownerId"), f.get("sipCallId"), f.get("groupId"),
            f.get("displayName"), f.get("remoteAddress"), bool(f, "canMove"),
            f.get("confirmationStatus"), f.get("cdrTag"), unknown);
      case "callLegEnd":
        Long max = lng(f, "maxScreens");
        return new CallLegEnd(header, id, f.get("reason"), bool(f, "remoteTeardown"),
            lng(f, "durationSeconds"), lng(f, "activatedDuration"), bool(f, "encryptedMedia"),
            bool(f, "unencryptedMedia"), f.get("confirmationStatus"), f.get("sipCallId"),
            f.get("ownerId"), f.get("cdrTag"), max == null ? null : (int) (long) max, usage,
            alarms, rxAudio, txAudio, rxVideo, txVideo, unknown);
      case "recordingStart":
        return new RecordingStart(header, id, f.get("path"),
            f.getOrDefault("recorderUrl", f.get("recorderUri")), f.get("call"), f.get("callLeg"),
            unknown);
      case "recordingEnd":
        return new RecordingEnd(header, id, unknown);
      case "streamingStart":
        return new StreamingStart(header, id, f.get("streamUrl"),
            f.getOrDefault("streamerUrl", f.get("streamerUri")), f.get("call"), f.get("callLeg"),
            unknown);
      default:
        return new StreamingEnd(header, id, unknown);
    }
  }

  private static boolean isKnownLeaf(String type, String name) {
    switch (type) {
      case "callStart":
        switch (name) {
          case "name", "ownerName", "callType", "coSpace", "callCorrelator", "tenant", "cdrTag":
            return true;
          default:
            return false;
        }
      case "callEnd":
        switch (name) {
          case "callLegsCompleted", "callLegsMaxActive", "durationSeconds", "endpointRecorded":
            return true;
          default:
            return false;
        }
      case "callLegStart":
        switch (name) {
          case "call", "displayName", "remoteParty", "remoteAddress", "localAddress", "type",
              "subType", "lyncSubType", "direction", "ownerId", "sipCallId", "groupId", "cdrTag",
              "guestConnection", "recording", "streaming", "canMove", "movedCallLeg",
              "movedCallLegCallBridge", "replacesSipCallId", "confirmationStatus", "ivr":
            return true;
          default:
            return false;
        }
      case "callLegUpdate":
        switch (name) {
          case "state", "call", "ivr", "deactivated", "ownerId", "sipCallId", "groupId",
              "displayName", "remoteAddress", "canMove", "confirmationStatus", "cdrTag":
            return true;
          default:
            return false;
        }
      case "callLegEnd":
        switch (name) {
          case "reason", "remoteTeardown", "durationSeconds", "activatedDuration",
              "encryptedMedia", "unencryptedMedia", "confirmationStatus", "sipCallId", "ownerId",
              "cdrTag", "maxScreens":
            return true;
          default:
            return false;
        }
      case "recordingStart":
        switch (name) {
          case "path", "recorderUrl", "recorderUri", "call", "callLeg":
            return true;
          default:
            return false;
        }
      case "streamingStart":
        switch (name) {
          case "streamUrl", "streamerUrl", "streamerUri", "call", "callLeg":
            return true;
          default:
            return false;
        }
      default:
        return false;
    }
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
    Map<String, String> f = readLeaves();
    return new CallLegEnd.MediaUsagePercentages(
        dbl(f, "mainVideoViewer"),
        dbl(f, "mainVideoContributor"),
        dbl(f, "presentationViewer"),
        dbl(f, "presentationContributor"),
        dbl(f, "multiStreamVideo"));
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
      push();
      switch (r.getLocalName()) {
        case "codec" -> codec = leaf();
        case "maxSizeWidth" -> width = integer("maxSizeWidth", leaf());
        case "maxSizeHeight" -> height = integer("maxSizeHeight", leaf());
        case "packetStatistics" -> {
          while (true) {
            int e2 = nextSignificant();
            if (e2 == XMLStreamConstants.END_ELEMENT) {
              pop();
              break;
            }
            push();
            String n = r.getLocalName();
            if ("packetLossBursts".equals(n) || "packetGap".equals(n)) {
              Map<String, String> f = readLeaves();
              CallLegEnd.LossPeriods p =
                  new CallLegEnd.LossPeriods(dbl(f, "duration"), dbl(f, "density"));
              if ("packetGap".equals(n)) {
                gap = p;
              } else {
                bursts = p;
              }
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

  /** Reads children that are all leaves into a map (children with children are skipped). */
  private Map<String, String> readLeaves() throws XMLStreamException {
    Map<String, String> f = new HashMap<>(8);
    while (true) {
      int ev = nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        pop();
        return f;
      }
      push();
      String name = r.getLocalName();
      Object v = readLeafOrRaw(name);
      if (v instanceof String s) {
        f.put(name, s);
      }
    }
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
    Map<String, String> attrs = attributes();
    String single = null;
    StringBuilder sb = null;
    List<RawElement> children = null;
    while (true) {
      int ev = r.next();
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

  private void push() {
    if (depth >= maxDepth) {
      throw error(Kind.LIMIT_EXCEEDED,
          "elements are nested deeper than " + maxDepth + " levels; CDRs are at most 6 deep", null);
    }
    // The record number is added only when a path is printed, to keep the hot path allocation-free.
    path[depth++] = r.getLocalName();
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

  private Long lng(Map<String, String> f, String name) {
    String v = f.get(name);
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

  private Integer integer(String name, String v) {
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

  private Double dbl(Map<String, String> f, String name) {
    return dbl(name, f.get(name));
  }

  private Double dbl(String name, String value) {
    String v = trimToNull(value);
    if (v == null) {
      return null;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw error(Kind.UNEXPECTED,
          name + " is \"" + abbreviate(v) + "\", expected a decimal number like 98.9", e);
    }
  }

  private static Boolean bool(Map<String, String> f, String name) {
    String v = f.get(name);
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
