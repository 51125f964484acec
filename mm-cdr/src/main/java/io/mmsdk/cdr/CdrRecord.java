package io.mmsdk.cdr;

import java.util.List;

/**
 * One {@code <record>} of a CDR batch. The nine record types Cisco documents each have their own
 * record class; any other type arrives as {@link UnknownRecord} with its content kept as raw data.
 * Enumerated values (reasons, call types, states) are kept as the strings the Call Bridge sent.
 */
public sealed interface CdrRecord
    permits CallStart, CallEnd, CallLegStart, CallLegUpdate, CallLegEnd, RecordingStart,
        RecordingEnd, StreamingStart, StreamingEnd, UnknownRecord {

  /** {@return the attributes of the {@code <record>} element} */
  RecordHeader header();

  /** {@return child elements this parser does not know, in document order (never null)} */
  List<RawElement> unknownElements();
}
