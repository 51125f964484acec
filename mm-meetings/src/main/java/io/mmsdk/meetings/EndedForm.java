package io.mmsdk.meetings;

import io.mmsdk.cdr.CallLegEnd;
import io.mmsdk.meetings.Meeting.Interval;
import io.mmsdk.meetings.Meeting.LogEntry;
import io.mmsdk.meetings.Meeting.LogKind;
import io.mmsdk.meetings.Meeting.Mute;
import io.mmsdk.meetings.Meeting.ParticipantState;
import io.mmsdk.meetings.TrackerState.Leg;
import io.mmsdk.meetings.TrackerState.M;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact form an ended meeting's call legs and log are kept in: one {@code byte[]} instead of
 * some 150 objects (each leg's strings, alarms and lobby intervals, the log's rings), so the
 * thousands of ended meetings a busy tracker keeps cost the collector one object each to copy. A
 * young collection copies what is alive, and ended meetings live about as long as a collection
 * cycle, so before this their objects were most of what each pause copied.
 *
 * <p>The form is a sequence of unsigned variable-length integers (7 bits a byte, low first): the
 * base epoch second, each leg's id and participant id and then the addresses of the participants
 * (for a look-up and a query by address to read alone), then each leg, then each log entry. A
 * string is a reference: 0 for null, 1 for a new string (its length and then each {@code char} as
 * a number, so any string, lone surrogates included, comes back equal), {@code k + 2} for the
 * {@code k}-th string already written. A time is 0 for null, else the zig-zag difference of its
 * second from the base plus 1, then its nanosecond. Decoding gives back legs and entries equal in
 * every field to those encoded.
 */
final class EndedForm {
  private static final LogKind[] KINDS = LogKind.values();
  private static final ParticipantState[] STATES = ParticipantState.values();
  private static final int JOINED_FROM_CDR = 1;
  private static final int LINK = 1 << 1;
  private static final int CONNECTED = 1 << 2;
  private static final int LOBBY = 1 << 3;
  private static final int ENDED_BY_RESYNC = 1 << 4;
  private static final int HAS_DURATION = 1 << 5;
  private static final int PRESENTER = 1 << 6;
  private static final int ACTIVE_SPEAKER = 1 << 7;
  private static final int HAS_IMPORTANCE = 1 << 8;
  private static final int MUTE_SHIFT = 9; // four bits: rxAudio, txAudio, rxVideo, txVideo

  private final Writer writer = new Writer();

  /** What a form holds: the legs (of no meeting unless decoded for one) and the log entries. */
  record Content(List<Leg> legs, List<LogEntry> log) {}

  /**
   * {@return the compact form of {@code legs} and {@code log}, times relative to {@code base}} One
   * encoder is reused for every meeting (its buffer and string table); not thread-safe.
   */
  byte[] encode(Collection<Leg> legs, LogRing log, Instant base) {
    Writer w = writer;
    w.reset(base.getEpochSecond());
    w.signed(base.getEpochSecond());
    w.number(legs.size()); // first the legs' ids, then the participants' addresses: for a look-up
    for (Leg l : legs) {   // and a query to read alone
      w.text(l.id);
      w.text(l.participantId);
    }
    int participants = 0;
    for (Leg l : legs) {
      participants += l.link ? 0 : 1;
    }
    w.number(participants);
    for (Leg l : legs) {
      if (!l.link) {
        w.text(l.remoteParty);
      }
    }
    w.number(legs.size());
    for (Leg l : legs) {
      w.text(l.id);
      w.text(l.bridge);
      w.time(l.joinedAt);
      Mute mute = l.mute;
      w.number(flag(l.joinedFromCdr, JOINED_FROM_CDR) | flag(l.link, LINK)
          | flag(l.connected, CONNECTED) | flag(l.lobby, LOBBY)
          | flag(l.endedByResync, ENDED_BY_RESYNC) | flag(l.hasDuration, HAS_DURATION)
          | flag(l.presenter, PRESENTER) | flag(l.activeSpeaker, ACTIVE_SPEAKER)
          | flag(l.importance != null, HAS_IMPORTANCE)
          | (flag(mute.rxAudio(), 8) | flag(mute.txAudio(), 4) | flag(mute.rxVideo(), 2)
              | flag(mute.txVideo(), 1)) << MUTE_SHIFT);
      w.number(l.state.ordinal());
      w.text(l.participantId);
      w.text(l.callId);
      w.text(l.displayName);
      w.text(l.remoteParty);
      w.text(l.direction);
      w.text(l.layout);
      w.text(l.endReason);
      w.time(l.leftAt);
      if (l.hasDuration) {
        w.signed(l.durationSeconds);
      }
      if (l.importance != null) {
        w.signed(l.importance);
      }
      List<CallLegEnd.Alarm> alarms = l.alarms == null ? List.of() : l.alarms;
      w.number(alarms.size());
      for (CallLegEnd.Alarm a : alarms) {
        w.text(a.type());
        Double p = a.durationPercentage();
        w.number(p == null ? 0 : 1);
        if (p != null) {
          w.number(Double.doubleToRawLongBits(p));
        }
      }
      List<Interval> waits = l.lobbyIntervals();
      w.number(waits.size());
      for (Interval i : waits) {
        w.time(i.start());
        w.time(i.end());
      }
    }
    w.number(log.size());
    for (int i = 0; i < log.size(); i++) {
      w.number(log.kind(i).ordinal());
      w.time(log.epochSecond(i), log.nano(i));
      w.text(log.subject(i));
      w.text(log.detail(i));
    }
    return w.bytes();
  }

  /**
   * Decodes {@code form}: its legs, each of meeting {@code m} (cluster and back reference), and
   * its log entries.
   */
  static Content decode(byte[] form, M m) {
    Reader r = new Reader(form);
    r.base = r.signed();
    r.skipIds();
    r.addresses();
    int legCount = (int) r.number();
    List<Leg> legs = new ArrayList<>(legCount);
    for (int i = 0; i < legCount; i++) {
      String id = r.text();
      String bridge = r.text();
      Instant joinedAt = r.time();
      int flags = (int) r.number();
      Leg l = new Leg(id, m.cluster, bridge, joinedAt, (flags & JOINED_FROM_CDR) != 0);
      l.meeting = m;
      l.link = (flags & LINK) != 0;
      l.connected = (flags & CONNECTED) != 0;
      l.lobby = (flags & LOBBY) != 0;
      l.endedByResync = (flags & ENDED_BY_RESYNC) != 0;
      l.hasDuration = (flags & HAS_DURATION) != 0;
      l.presenter = (flags & PRESENTER) != 0;
      l.activeSpeaker = (flags & ACTIVE_SPEAKER) != 0;
      int mute = flags >>> MUTE_SHIFT;
      l.mute = Mute.of((mute & 8) != 0, (mute & 4) != 0, (mute & 2) != 0, (mute & 1) != 0);
      l.state = STATES[(int) r.number()];
      l.participantId = r.text();
      String callId = r.text();
      TrackerState.CallInfo call = callId == null ? null : m.calls.get(callId);
      l.callId = call != null ? call.callId : callId; // the call's copy, as attach keeps it
      l.displayName = r.text();
      l.remoteParty = r.text();
      l.direction = r.text();
      l.layout = r.text();
      l.endReason = r.text();
      l.leftAt = r.time();
      if (l.hasDuration) {
        l.durationSeconds = r.signed();
      }
      if ((flags & HAS_IMPORTANCE) != 0) {
        l.importance = r.signed();
      }
      int alarmCount = (int) r.number();
      if (alarmCount > 0) {
        CallLegEnd.Alarm[] alarms = new CallLegEnd.Alarm[alarmCount];
        for (int a = 0; a < alarmCount; a++) {
          String type = r.text();
          Double p = r.number() == 0 ? null : Double.longBitsToDouble(r.number());
          alarms[a] = new CallLegEnd.Alarm(type, p);
        }
        l.alarms = List.of(alarms);
      }
      int waitCount = (int) r.number();
      if (waitCount > 0) {
        Interval[] waits = new Interval[waitCount];
        for (int w = 0; w < waitCount; w++) {
          waits[w] = new Interval(r.time(), r.time());
        }
        l.restoreLobby(waits);
      }
      legs.add(l);
    }
    int entries = (int) r.number();
    LogEntry[] log = new LogEntry[entries];
    for (int i = 0; i < entries; i++) {
      LogKind kind = KINDS[(int) r.number()];
      log[i] = new LogEntry(r.time(), kind, r.text(), r.text());
    }
    return new Content(legs, List.of(log));
  }

  /**
   * {@return the addresses ({@code remoteParty}, null elements where a leg had none) of the
   * participants (legs that are not links) in {@code form}} Reads only the form's first part.
   */
  static List<String> participantAddresses(byte[] form) {
    Reader r = new Reader(form);
    r.base = r.signed();
    r.skipIds();
    return r.addresses();
  }

  /**
   * {@return whether {@code id} is the GUID of a leg, or of a leg's participant, in {@code form}}
   * Reads only the form's first part and makes no string.
   */
  static boolean namesLegOrParticipant(byte[] form, String id) {
    Reader r = new Reader(form);
    r.base = r.signed();
    for (long legs = r.number(); legs > 0; legs--) {
      if (r.textIs(id) | r.textIs(id)) { // both read, to keep the position
        return true;
      }
    }
    return false;
  }

  private static long zigzag(long n) {
    return n << 1 ^ n >> 63;
  }

  private static long unzigzag(long z) {
    return z >>> 1 ^ -(z & 1);
  }

  private static int flag(boolean set, int bit) {
    return set ? bit : 0;
  }

  private static final class Writer {
    private Map<String, Integer> written = new HashMap<>();
    private long base;
    private byte[] out = new byte[4096];
    private int size;

    void reset(long base) {
      this.base = base;
      if (written.size() > 256) {
        written = new HashMap<>(); // a long meeting's table is not cleared for every later one
      } else {
        written.clear();
      }
      size = 0;
    }

    void number(long n) {
      if (size + 10 > out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      while ((n & ~0x7fL) != 0) {
        out[size++] = (byte) (n & 0x7f | 0x80);
        n >>>= 7;
      }
      out[size++] = (byte) n;
    }

    void signed(long n) {
      number(zigzag(n));
    }

    void time(Instant t) {
      if (t == null) {
        number(0);
      } else {
        time(t.getEpochSecond(), t.getNano());
      }
    }

    void time(long epochSecond, int nano) {
      number(zigzag(epochSecond - base) + 1);
      number(nano);
    }

    void text(String s) {
      if (s == null) {
        number(0);
        return;
      }
      Integer k = written.putIfAbsent(s, written.size());
      if (k != null) {
        number(k + 2L);
        return;
      }
      number(1);
      number(s.length());
      for (int i = 0; i < s.length(); i++) {
        number(s.charAt(i));
      }
    }

    byte[] bytes() {
      return Arrays.copyOf(out, size);
    }
  }

  private static final class Reader {
    private final byte[] in;
    // String k of the form's table: where it is (starts[k], at its length), the string once made.
    private int[] starts = new int[16];
    private String[] made = new String[16];
    private int defined;
    private int pos;
    long base;

    Reader(byte[] in) {
      this.in = in;
    }

    long number() {
      long n = 0;
      int shift = 0;
      byte b;
      do {
        b = in[pos++];
        n |= (long) (b & 0x7f) << shift;
        shift += 7;
      } while (b < 0);
      return n;
    }

    List<String> addresses() {
      String[] out = new String[(int) number()];
      for (int i = 0; i < out.length; i++) {
        out[i] = text();
      }
      return Arrays.asList(out);
    }

    long signed() {
      return unzigzag(number());
    }

    Instant time() {
      long z = number();
      if (z == 0) {
        return null;
      }
      return Instant.ofEpochSecond(base + unzigzag(z - 1), number());
    }

    String text() {
      int k = reference();
      if (k < 0) {
        return null;
      }
      if (made[k] == null) {
        int back = enter(k);
        char[] chars = new char[(int) number()];
        for (int i = 0; i < chars.length; i++) {
          chars[i] = (char) number();
        }
        made[k] = new String(chars);
        leave(back);
      }
      return made[k];
    }

    /** {@return whether the next string is {@code s}} Makes no string. */
    boolean textIs(String s) {
      int k = reference();
      if (k < 0) {
        return false;
      }
      int back = enter(k);
      long length = number();
      boolean same = length == s.length();
      int i = 0;
      for (; same && i < length; i++) {
        same = number() == s.charAt(i);
      }
      for (; i < length; i++) { // the rest read too, to pass a string defined here
        number();
      }
      leave(back);
      return same;
    }

    void skipIds() {
      for (long legs = number(); legs > 0; legs--) {
        skipText();
        skipText();
      }
    }

    private void skipText() {
      int k = reference();
      if (k >= 0 && starts[k] == pos) {
        for (long n = number(); n > 0; n--) {
          number();
        }
      }
    }

    /**
     * Reads a string reference: {@return -1 for null, else the string's index in the table} A
     * string defined here is recorded and left unread: the position is at its length.
     */
    private int reference() {
      long ref = number();
      if (ref != 1) {
        return ref == 0 ? -1 : (int) (ref - 2);
      }
      if (defined == starts.length) {
        starts = Arrays.copyOf(starts, defined * 2);
        made = Arrays.copyOf(made, defined * 2);
      }
      starts[defined] = pos;
      return defined++;
    }

    /** Moves to string {@code k}; {@return where to come back to, or -1 if it is defined here} */
    private int enter(int k) {
      int back = starts[k] == pos ? -1 : pos;
      pos = starts[k];
      return back;
    }

    private void leave(int back) {
      if (back >= 0) {
        pos = back;
      }
    }
  }
}
