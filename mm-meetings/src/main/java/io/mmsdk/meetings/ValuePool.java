package io.mmsdk.meetings;

import io.mmsdk.cdr.CallLegEnd;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One shared instance of each value of the fields whose values come from a small set (a leg's
 * direction and end reason, alarm types, call types), so a kept leg or meeting does not keep its
 * record's own copy of {@code "remoteTeardown"}: with thousands of short meetings kept, those
 * copies were a quarter of a leg's strings. The first {@value #MAX_VALUES} distinct values are
 * pooled, later ones kept as given, so odd values cost bounded memory. Not thread-safe: guarded by
 * the {@link MeetingTracker}'s lock.
 */
final class ValuePool {
  static final int MAX_VALUES = 256;

  private final Map<String, String> pool = new HashMap<>();

  /** {@return the pooled instance equal to {@code value}, or {@code value} (may be null)} */
  String share(String value) {
    if (value == null) {
      return null;
    }
    String pooled = pool.get(value);
    if (pooled != null) {
      return pooled;
    }
    if (pool.size() < MAX_VALUES) {
      pool.put(value, value);
    }
    return value;
  }

  /** {@return {@code alarms} with pooled types: the list itself if they are already} */
  List<CallLegEnd.Alarm> share(List<CallLegEnd.Alarm> alarms) {
    CallLegEnd.Alarm[] out = null;
    for (int i = 0; i < alarms.size(); i++) {
      CallLegEnd.Alarm a = alarms.get(i);
      String type = share(a.type());
      if (type != a.type() && out == null) {
        out = alarms.toArray(new CallLegEnd.Alarm[0]);
      }
      if (out != null) {
        out[i] = type == a.type() ? a : new CallLegEnd.Alarm(type, a.durationPercentage());
      }
    }
    return out == null ? alarms : List.of(out);
  }
}
