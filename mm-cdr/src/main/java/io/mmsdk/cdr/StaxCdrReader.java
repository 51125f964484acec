package io.mmsdk.cdr;

import io.mmsdk.cdr.CdrParseException.Kind;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * One parse of one document; not thread-safe, used once. Walks a {@link CdrCursor} through the
 * batch structure ({@code <records>}, {@code <record>}, body) and reads each body the way its
 * {@link RecordSchema} row says, from StAX-style events: {@link CdrXmlReader}'s by default, a
 * StAX implementation's ({@link StaxEvents}) when the caller chose one.
 */
final class StaxCdrReader {
  /** The parser's bounds, see {@link CdrParser.Builder}. */
  record Limits(int maxRecords, int maxTextLength, int maxDepth, int maxUnknownElements) {}

  /** Opens the events of the document; called once, inside the parse's error handling. */
  @FunctionalInterface
  interface Source {
    XmlEvents open() throws XMLStreamException;
  }

  private final Source source;
  private final int maxRecords;
  private final CdrCursor c;
  private final RecordSchema.Body body;
  /** Children of {@code <records>} read so far, records and unknown elements alike. */
  private int topLevel;

  StaxCdrReader(Source source, Limits limits) {
    this.source = source;
    this.maxRecords = limits.maxRecords();
    this.c = new CdrCursor(limits);
    this.body = new RecordSchema.Body(c);
  }

  CdrBatch read() {
    try {
      c.open(source.open());
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
        c.close();
      }
    } catch (CdrParseException e) {
      throw e;
    } catch (RuntimeException e) {
      throw readerFailed(e);
    } catch (XmlMarkup.LimitExceeded e) {
      Location loc = e.getLocation();
      throw new CdrParseException(Kind.LIMIT_EXCEEDED, stripLocation(e.getMessage()),
          c.pathString(), loc.getLineNumber(), loc.getColumnNumber(), null);
    } catch (XMLStreamException e) {
      Location loc = e.getLocation();
      throw new CdrParseException(
          Kind.NOT_WELL_FORMED,
          "CDR document is not well-formed XML: " + stripLocation(e.getMessage()),
          c.pathString(),
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
    return c.error(Kind.NOT_WELL_FORMED,
        "the XML reader failed on this CDR document (" + e.getClass().getSimpleName() + ": "
            + e.getMessage() + "); it is not a document a Call Bridge sends", e);
  }

  private CdrBatch readDocument() throws XMLStreamException {
    int ev = c.nextSignificant();
    if (ev != XMLStreamConstants.START_ELEMENT) {
      throw c.error(Kind.UNEXPECTED, "CDR document has no root element", null);
    }
    c.push();
    if (!"records".equals(c.localName())) {
      throw c.error(Kind.UNEXPECTED,
          "root element is <" + c.localName() + ">, expected <records session=\"...\">", null);
    }
    String session = c.attribute("session");
    if (session == null) {
      throw c.error(Kind.UNEXPECTED,
          "<records> has no session attribute; every Call Bridge batch carries one", null);
    }
    String callBridge = c.attribute("callBridge");
    List<CdrRecord> records = new ArrayList<>();
    List<RawElement> unknown = null;
    while (true) {
      ev = c.nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        c.pop();
        break;
      }
      if (ev == XMLStreamConstants.CHARACTERS) {
        continue;
      }
      boolean isRecord = "record".equals(c.push());
      if (++topLevel > maxRecords) {
        throw c.error(Kind.LIMIT_EXCEEDED,
            "CDR batch has more than " + maxRecords + " records (elements under <records>);"
                + " raise CdrParser.builder().maxRecords(...) if this is expected",
            null);
      }
      if (isRecord) {
        c.nextRecord();
        records.add(readRecord());
      } else {
        unknown = add(unknown, c.readRaw());
      }
    }
    // Anything after the root other than comments and whitespace is rejected by the reader itself.
    while (c.hasNext()) {
      ev = c.next();
      if (ev == XMLStreamConstants.DTD) {
        throw c.error(Kind.UNEXPECTED, "document type declarations are not accepted", null);
      }
    }
    return new CdrBatch(session, callBridge, records, unknown == null ? List.of() : unknown);
  }

  private CdrRecord readRecord() throws XMLStreamException {
    // One pass over the attributes by index: cheaper than five look-ups by name.
    String typeAttr = null;
    int time = -1;
    int recordIndex = -1;
    int correlatorIndex = -1;
    int missing = -1;
    for (int i = 0, n = c.attributeCount(); i < n; i++) {
      switch (c.attributeLocalName(i)) {
        case "type" -> typeAttr = c.attributeValue(i);
        case "time" -> time = i;
        case "recordIndex" -> recordIndex = i;
        case "correlatorIndex" -> correlatorIndex = i;
        case "numPreceedingRecordsMissing" -> missing = i;
        default -> { }
      }
    }
    String type = CdrCursor.trimToNull(typeAttr);
    if (type == null) {
      throw c.error(Kind.UNEXPECTED, "<record> has no type attribute", null);
    }
    RecordHeader header =
        new RecordHeader(
            type,
            c.time(time),
            c.recordNumberAttribute("recordIndex", recordIndex, true),
            c.recordNumberAttribute("correlatorIndex", correlatorIndex, true),
            c.recordNumberAttribute("numPreceedingRecordsMissing", missing, false));
    RecordSchema schema = RecordSchema.forType(type);
    CdrRecord result = null;
    List<RawElement> extra = null;
    while (true) {
      int ev = c.nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        c.pop();
        break;
      }
      String name = c.push();
      if (result == null && schema != null && schema.bodyElement.equals(name)) {
        result = readBody(schema, header);
      } else {
        extra = add(extra, c.readRaw());
      }
    }
    if (schema == null) {
      return new UnknownRecord(header, extra == null ? List.of() : extra);
    }
    if (result == null) {
      throw c.error(Kind.UNEXPECTED,
          "record of type " + type + " has no <" + schema.bodyElement + " id=\"...\"> element",
          null);
    }
    if (extra == null) {
      return result;
    }
    // Children of <record> beside the body are rare; keep them with the body's unknown elements.
    // The body's values are still there: nothing read since has touched them.
    List<RawElement> all = new ArrayList<>(result.unknownElements());
    all.addAll(extra);
    return schema.build(body, all);
  }

  /** Reads the children of a {@code <call>}, {@code <callLeg>}, ... element into a record. */
  private CdrRecord readBody(RecordSchema schema, RecordHeader header)
      throws XMLStreamException {
    String id = c.attribute("id");
    if (id == null) {
      throw c.error(Kind.UNEXPECTED,
          "<" + c.localName() + "> has no id attribute; CDR bodies always carry one", null);
    }
    RecordSchema.Body b = body;
    b.start(header, id);
    long known = schema.known;
    boolean legEnd = schema == RecordSchema.CALL_LEG_END;
    List<RawElement> unknown = null;
    while (true) {
      int ev = c.nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        c.pop();
        break;
      }
      String name = c.push();
      if (legEnd && readLegEndPart(b, name)) {
        continue;
      }
      RecordSchema.Field field = RecordSchema.Field.named(name);
      if (field != null && (known & field.bit) != 0) {
        Object v = field.kind != null ? c.readScalar(name, field.kind) : c.readLeafOrRaw(name);
        if (v instanceof RawElement e) {
          unknown = add(unknown, e);
        } else if (!"".equals(v) || field == RecordSchema.Field.IVR) {
          // An empty element means "no value", except the <ivr/> marker whose presence matters.
          b.set(field, v);
        }
      } else {
        unknown = add(unknown, c.readRaw());
      }
    }
    return schema.build(b, unknown == null ? List.of() : unknown);
  }

  /** Reads {@code name} into {@code b} if it is one of callLegEnd's structured children. */
  private boolean readLegEndPart(RecordSchema.Body b, String name) throws XMLStreamException {
    switch (name) {
      case "alarm":
        if (b.alarms == null) {
          b.alarms = new ArrayList<>(4);
        }
        b.alarms.add(readAlarm());
        return true;
      case "mediaUsagePercentages":
        b.usage = readUsage();
        return true;
      case "rxAudio":
        b.rxAudio = readStream();
        return true;
      case "txAudio":
        b.txAudio = readStream();
        return true;
      case "rxVideo":
        b.rxVideo = readStream();
        return true;
      case "txVideo":
        b.txVideo = readStream();
        return true;
      default:
        return false;
    }
  }

  private static List<RawElement> add(List<RawElement> list, RawElement e) {
    List<RawElement> l = list == null ? new ArrayList<>(2) : list;
    l.add(e);
    return l;
  }

  private CallLegEnd.Alarm readAlarm() throws XMLStreamException {
    String type = c.attribute("type");
    if (type == null) {
      throw c.error(Kind.UNEXPECTED, "<alarm> has no type attribute", null);
    }
    Double pct = decimal("durationPercentage", c.attribute("durationPercentage"));
    c.skipContent();
    return new CallLegEnd.Alarm(type, pct);
  }

  private CallLegEnd.MediaUsagePercentages readUsage() throws XMLStreamException {
    Object viewer = null;
    Object contributor = null;
    Object presViewer = null;
    Object presContributor = null;
    Object multi = null;
    while (true) {
      int ev = c.nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        c.pop();
        break;
      }
      String name = c.push();
      Object s = c.readScalar(name, Scalar.DOUBLE);
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
        decimal("mainVideoViewer", viewer),
        decimal("mainVideoContributor", contributor),
        decimal("presentationViewer", presViewer),
        decimal("presentationContributor", presContributor),
        decimal("multiStreamVideo", multi));
  }

  private CallLegEnd.LossPeriods readLossPeriods() throws XMLStreamException {
    Object duration = null;
    Object density = null;
    while (true) {
      int ev = c.nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        c.pop();
        break;
      }
      String name = c.push();
      Object s = c.readScalar(name, Scalar.DOUBLE);
      if (!(s instanceof RawElement)) {
        if ("duration".equals(name)) {
          duration = s;
        } else if ("density".equals(name)) {
          density = s;
        }
      }
    }
    return new CallLegEnd.LossPeriods(decimal("duration", duration), decimal("density", density));
  }

  private CallLegEnd.MediaStream readStream() throws XMLStreamException {
    String codec = null;
    Integer width = null;
    Integer height = null;
    CallLegEnd.LossPeriods bursts = null;
    CallLegEnd.LossPeriods gap = null;
    while (true) {
      int ev = c.nextSignificant();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        c.pop();
        break;
      }
      switch (c.push()) {
        case "codec" -> codec = c.leaf();
        case "maxSizeWidth" -> width = integer("maxSizeWidth");
        case "maxSizeHeight" -> height = integer("maxSizeHeight");
        case "packetStatistics" -> {
          while (true) {
            int e2 = c.nextSignificant();
            if (e2 == XMLStreamConstants.END_ELEMENT) {
              c.pop();
              break;
            }
            String n = c.push();
            if ("packetLossBursts".equals(n)) {
              bursts = readLossPeriods();
            } else if ("packetGap".equals(n)) {
              gap = readLossPeriods();
            } else {
              c.skipContent();
            }
          }
        }
        default -> c.skipContent();
      }
    }
    return new CallLegEnd.MediaStream(codec, width, height, bursts, gap);
  }

  /** Reads the current leaf {@code name} as a whole number; a child element makes it absent. */
  private Integer integer(String name) throws XMLStreamException {
    Object v = c.readScalar(name, Scalar.INT);
    return v instanceof RawElement ? null : (Integer) c.decode(Scalar.INT, name, v);
  }

  private Double decimal(String name, Object value) {
    return (Double) c.decode(Scalar.DOUBLE, name, value);
  }

  private static String stripLocation(String msg) {
    if (msg == null) {
      return "";
    }
    int i = msg.indexOf("Message: ");
    return i >= 0 ? msg.substring(i + 9) : msg;
  }
}
