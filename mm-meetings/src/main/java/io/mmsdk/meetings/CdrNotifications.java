package io.mmsdk.meetings;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrListener;
import io.mmsdk.core.notify.Notifications;
import io.mmsdk.core.notify.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link CdrListener} that turns missing CDR records into notifications (seed 001: "CDR records
 * missing"), one per Call Bridge session: key {@value #KEY_PREFIX}{@code <session>}. A sequence gap
 * is a WARNING and clears when every missing {@code recordIndex} has arrived after all; records the
 * Call Bridge discarded never arrive, so that notification (an ERROR) stays until {@link
 * Notifications#clear} is called for it. Thread-safe; replayed events are ignored (they were
 * notified when first seen).
 */
public final class CdrNotifications implements CdrListener {
  /** The key prefix; the Call Bridge session GUID follows. */
  public static final String KEY_PREFIX = "cdr.missing.";

  private final Notifications notifications;
  /** Per session: outstanding missing recordIndex ranges, first index to last index. */
  private final Map<String, TreeMap<Long, Long>> gaps = new HashMap<>();

  private CdrNotifications(Notifications notifications) {
    this.notifications = notifications;
  }

  /**
   * {@return a listener raising and clearing its notifications on {@code notifications}}
   *
   * @param notifications where to raise and clear the CDR gap notifications; not null
   */
  public static CdrNotifications create(Notifications notifications) {
    return new CdrNotifications(requireNonNull(notifications, "notifications == null"));
  }

  @Override
  public void onEvent(CdrEvent event) {
    if (event.replayed()) {
      return;
    }
    String key = KEY_PREFIX + event.session();
    if (event instanceof CdrEvent.RecordsMissing m) {
      String where = "Call Bridge " + (m.callBridge() == null ? "" : m.callBridge() + " ")
          + "(session " + m.session() + ", cluster '" + m.origin().clusterId() + "')";
      if (m.cause() == CdrEvent.RecordsMissing.Cause.DISCARDED_BY_CALL_BRIDGE) {
        notifications.raise(Severity.ERROR, "cdr", key, "CDR records missing: " + where
            + " discarded " + m.count() + " record(s) it could not deliver; meeting details"
            + " may be incomplete. Check that the CDR receiver is reachable from the Call Bridge.");
        return;
      }
      long outstanding;
      synchronized (this) {
        gaps.computeIfAbsent(m.session(), s -> new TreeMap<>()).put(m.firstIndex(), m.lastIndex());
        outstanding = outstanding(m.session());
      }
      notifications.raise(Severity.WARNING, "cdr", key, "CDR records missing: " + outstanding
          + " record(s) from " + where + " have not arrived; meeting details may be incomplete"
          + " until they do.");
    } else if (event instanceof CdrEvent.RecordReceived r) {
      boolean filled;
      synchronized (this) {
        TreeMap<Long, Long> open = gaps.get(r.session());
        if (open == null || !fill(open, r.record().header().recordIndex())) {
          return;
        }
        filled = open.isEmpty();
        if (filled) {
          gaps.remove(r.session());
        }
      }
      if (filled && notifications.find(key).map(n -> n.severity() == Severity.WARNING)
          .orElse(false)) {
        notifications.clear(key);
      }
    }
  }

  private long outstanding(String session) {
    long n = 0;
    for (Map.Entry<Long, Long> e : gaps.get(session).entrySet()) {
      n += e.getValue() - e.getKey() + 1;
    }
    return n;
  }

  /** Removes {@code index} from the ranges; returns false if it was not missing. */
  private static boolean fill(TreeMap<Long, Long> open, long index) {
    Map.Entry<Long, Long> range = open.floorEntry(index);
    if (range == null || range.getValue() < index) {
      return false;
    }
    open.remove(range.getKey());
    if (range.getKey() < index) {
      open.put(range.getKey(), index - 1);
    }
    if (index < range.getValue()) {
      open.put(index + 1, range.getValue());
    }
    return true;
  }
}
