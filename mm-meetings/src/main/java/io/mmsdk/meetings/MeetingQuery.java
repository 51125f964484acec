package io.mmsdk.meetings;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What to find in a {@link MeetingHistory}: every criterion set must match (criteria not set match
 * everything), and one page of at most {@link #limit()} meetings is returned, starting after
 * {@link #findCursor() the cursor}.
 *
 * <ul>
 *   <li>{@linkplain Builder#clusterId cluster}: the meeting's {@link Meeting#clusterId()};
 *   <li>{@linkplain Builder#space space}: the meeting's space GUID ({@link Meeting#coSpace()});
 *   <li>{@linkplain Builder#participantAddress participant address}: a participant, current or
 *       ended, whose {@link Meeting.Participant#remoteParty()} equals the address, compared by
 *       {@link #normalizeAddress(String)} (case and a {@code sip:} / {@code h323:} / {@code tel:}
 *       scheme ignored);
 *   <li>{@linkplain Builder#from from} / {@linkplain Builder#to to}: the meeting overlaps the
 *       half-open range — it started before {@code to} and was still running at {@code from} (a
 *       running meeting overlaps every range after its start);
 *   <li>{@linkplain Builder#tag tag}: the meeting's space carries the tag (see {@link SpaceTags}).
 * </ul>
 *
 * <p>Immutable; {@link #toBuilder()} makes a variant, for example the next page's query.
 */
public final class MeetingQuery {
  /**
   * The order every {@link MeetingHistory} returns meetings in: newest {@link Meeting#startTime()}
   * first, then {@link Meeting#id()} ascending.
   */
  public static final Comparator<Position> ORDER =
      Comparator.comparing(Position::startTime).reversed().thenComparing(Position::meetingId);

  /** The default page size. */
  public static final int DEFAULT_LIMIT = 50;
  /** The largest page size. */
  public static final int MAX_LIMIT = 1_000;

  private final String clusterId;
  private final String space;
  private final String participantAddress;
  private final Instant from;
  private final Instant to;
  private final String tag;
  private final int limit;
  private final String cursor;

  private MeetingQuery(Builder b) {
    this.clusterId = b.clusterId;
    this.space = b.space;
    this.participantAddress = b.participantAddress;
    this.from = b.from;
    this.to = b.to;
    this.tag = b.tag;
    this.limit = b.limit;
    this.cursor = b.cursor;
  }

  /** {@return a builder of a query that matches every meeting, first page} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this query's values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.clusterId = clusterId;
    b.space = space;
    b.participantAddress = participantAddress;
    b.from = from;
    b.to = to;
    b.tag = tag;
    b.limit = limit;
    b.cursor = cursor;
    return b;
  }

  /**
   * {@return the query for the page after {@code page}, or empty if {@code page} was the last}
   *
   * @param page a page this query returned; not null
   */
  public Optional<MeetingQuery> next(MeetingPage page) {
    requireNonNull(page, "page == null");
    return page.findNextCursor().map(c -> toBuilder().cursor(c).build());
  }

  /** {@return the cluster criterion, if set} */
  public Optional<String> findClusterId() {
    return Optional.ofNullable(clusterId);
  }

  /** {@return the space criterion, if set} */
  public Optional<String> findSpace() {
    return Optional.ofNullable(space);
  }

  /** {@return the participant address criterion as given, if set} */
  public Optional<String> findParticipantAddress() {
    return Optional.ofNullable(participantAddress);
  }

  /** {@return the start of the time range (inclusive), if set} */
  public Optional<Instant> findFrom() {
    return Optional.ofNullable(from);
  }

  /** {@return the end of the time range (exclusive), if set} */
  public Optional<Instant> findTo() {
    return Optional.ofNullable(to);
  }

  /** {@return the space tag criterion, if set} */
  public Optional<String> findTag() {
    return Optional.ofNullable(tag);
  }

  /** {@return the largest number of meetings a page holds} */
  public int limit() {
    return limit;
  }

  /** {@return the cursor after which this page starts, if not the first page} */
  public Optional<String> findCursor() {
    return Optional.ofNullable(cursor);
  }

  /**
   * Returns the position the cursor stands for: the page holds the meetings after it in {@link
   * #ORDER}.
   *
   * @return the position, or empty on the first page
   * @throws InvalidMeetingQueryException if the cursor was not made by {@link #cursorAfter}
   */
  public Optional<Position> findCursorPosition() {
    if (cursor == null) {
      return Optional.empty();
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = text.indexOf('|');
      if (bar < 1 || bar == text.length() - 1) {
        throw new IllegalArgumentException("no separator");
      }
      return Optional.of(
          new Position(Instant.parse(text.substring(0, bar)), text.substring(bar + 1)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new InvalidMeetingQueryException("cursor '" + cursor + "' is not a cursor a meeting "
          + "history returned; pass MeetingPage.nextCursor() unchanged, or no cursor for the first "
          + "page");
    }
  }

  /**
   * Returns the cursor of the page that follows {@code last}, the last meeting of a page. Every
   * backend uses this encoding, so a cursor stays valid across implementations with the same data.
   *
   * @param last the last meeting of a page
   * @return an opaque, URL-safe cursor
   */
  public static String cursorAfter(Meeting last) {
    requireNonNull(last, "last == null");
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        (last.startTime() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Tells whether {@code meeting} matches the criteria other than the tag, which needs a {@link
   * SpaceTags} lookup, and the cursor. Implementations use it so that every backend agrees on what
   * matches.
   *
   * @param meeting the meeting
   * @return whether cluster, space, participant address and time range all match
   */
  public boolean matchesIgnoringTag(Meeting meeting) {
    requireNonNull(meeting, "meeting == null");
    if (participantAddress == null) {
      return matchesIgnoringTag(meeting, List.of());
    }
    List<String> addresses = new ArrayList<>(meeting.participants().size());
    for (Meeting.Participant p : meeting.participants()) {
      addresses.add(p.remoteParty());
    }
    return matchesIgnoringTag(meeting, addresses);
  }

  /**
   * {@link #matchesIgnoringTag(Meeting)} with the participants' addresses ({@code remoteParty},
   * null elements allowed) given apart, so a backend need not make participants to match.
   */
  boolean matchesIgnoringTag(Meeting meeting, List<String> participantAddresses) {
    if (clusterId != null && !clusterId.equals(meeting.clusterId())) {
      return false;
    }
    if (space != null && !space.equals(meeting.coSpace())) {
      return false;
    }
    if (to != null && !meeting.startTime().isBefore(to)) {
      return false;
    }
    if (from != null && meeting.endTime() != null && meeting.endTime().isBefore(from)) {
      return false;
    }
    if (participantAddress != null) {
      String wanted = normalizeAddress(participantAddress);
      for (String address : participantAddresses) {
        if (address != null && wanted.equals(normalizeAddress(address))) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  /**
   * Normalizes a participant address for comparison: trimmed, lower case, without a leading
   * {@code sip:}, {@code sips:}, {@code h323:} or {@code tel:} scheme.
   *
   * @param address an address such as {@code sip:Alice@Example.com}
   * @return the normalized form, for example {@code alice@example.com}
   */
  public static String normalizeAddress(String address) {
    String a = requireNonNull(address, "address == null").trim().toLowerCase(Locale.ROOT);
    for (String scheme : new String[] {"sip:", "sips:", "h323:", "tel:"}) {
      if (a.startsWith(scheme)) {
        return a.substring(scheme.length());
      }
    }
    return a;
  }

  /**
   * A meeting's place in {@link #ORDER}.
   *
   * @param startTime the meeting's start time
   * @param meetingId the meeting's id
   */
  public record Position(Instant startTime, String meetingId) {
    /**
     * Checks the components.
     *
     * @param startTime the meeting's start time
     * @param meetingId the meeting's id
     */
    public Position {
      requireNonNull(startTime, "startTime == null");
      requireNonNull(meetingId, "meetingId == null");
    }

    /**
     * Returns the position of a meeting.
     *
     * @param meeting the meeting
     * @return its position
     */
    public static Position of(Meeting meeting) {
      return new Position(meeting.startTime(), meeting.id());
    }
  }

  @Override
  public String toString() {
    return "MeetingQuery{cluster=" + clusterId + ", space=" + space + ", participant="
        + participantAddress + ", from=" + from + ", to=" + to + ", tag=" + tag + ", limit=" + limit
        + (cursor == null ? "" : ", after a cursor") + "}";
  }

  /** Builds a {@link MeetingQuery}. */
  public static final class Builder {
    private String clusterId;
    private String space;
    private String participantAddress;
    private Instant from;
    private Instant to;
    private String tag;
    private int limit = DEFAULT_LIMIT;
    private String cursor;

    private Builder() {}

    /**
     * Only meetings of one cluster.
     *
     * @param clusterId the cluster id (the receiver URI's {@code cluster} tag)
     * @return this builder
     */
    public Builder clusterId(String clusterId) {
      this.clusterId = requireNonBlank(clusterId, "cluster id");
      return this;
    }

    /**
     * Only meetings held in one space.
     *
     * @param spaceId the space (coSpace) GUID
     * @return this builder
     */
    public Builder space(String spaceId) {
      this.space = requireNonBlank(spaceId, "spaceId");
      return this;
    }

    /**
     * Only meetings a participant with this address took part in.
     *
     * @param address the participant's address, for example {@code alice@example.com}
     * @return this builder
     */
    public Builder participantAddress(String address) {
      this.participantAddress = requireNonBlank(address, "participant address");
      return this;
    }

    /**
     * Only meetings still running at or after {@code from}.
     *
     * @param from the start of the time range, inclusive
     * @return this builder
     */
    public Builder from(Instant from) {
      this.from = requireNonNull(from, "from == null");
      return this;
    }

    /**
     * Only meetings that started before {@code to}.
     *
     * @param to the end of the time range, exclusive
     * @return this builder
     */
    public Builder to(Instant to) {
      this.to = requireNonNull(to, "to == null");
      return this;
    }

    /**
     * Only meetings in spaces carrying {@code tag}.
     *
     * @param tag the space tag
     * @return this builder
     */
    public Builder tag(String tag) {
      this.tag = requireNonBlank(tag, "tag");
      return this;
    }

    /**
     * Sets the page size (default {@value MeetingQuery#DEFAULT_LIMIT}).
     *
     * @param limit how many meetings a page holds at most, 1 to {@value MeetingQuery#MAX_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException(
            "limit is " + limit + "; expected 1 to " + MAX_LIMIT + " meetings per page");
      }
      this.limit = limit;
      return this;
    }

    /**
     * Starts the page after a cursor a previous page returned ({@link MeetingPage#nextCursor()}).
     *
     * @param cursor the cursor
     * @return this builder
     */
    public Builder cursor(String cursor) {
      this.cursor = requireNonBlank(cursor, "cursor");
      return this;
    }

    /**
     * Returns the query.
     *
     * @return the query
     * @throws IllegalArgumentException if {@code from} is not before {@code to}
     */
    public MeetingQuery build() {
      if (from != null && to != null && !from.isBefore(to)) {
        throw new IllegalArgumentException(
            "time range from " + from + " to " + to + " is empty; from must be before to");
      }
      return new MeetingQuery(this);
    }

    private static String requireNonBlank(String value, String name) {
      requireNonNull(value, name + " == null");
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " is blank; pass a value or leave it unset");
      }
      return value;
    }
  }
}
