package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A record whose {@code type} this parser does not know. Its child elements are kept as raw data.
 *
 * @param header the record attributes
 * @param unknownElements the children of {@code <record>}
 */
public record UnknownRecord(RecordHeader header, List<RawElement> unknownElements)
    implements CdrRecord {

  /**
   * Checks and copies the components.
   *
   * @param header the record attributes
   * @param unknownElements the children of {@code <record>}
   */
  public UnknownRecord {
    requireNonNull(header, "header == null");
    unknownElements = List.copyOf(unknownElements);
  }
}
