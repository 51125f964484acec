package io.mmsdk.cdr;

import java.util.Arrays;

/**
 * Which correlator indices of one session were seen, as sorted, disjoint ranges, and the highest
 * record index. Consecutive indices share one range, so memory grows with the gaps, not the
 * count, and an absurd index costs one range without hiding anything below it. Past {@link
 * #MAX_RANGES} ranges the lowest gap is forgotten (its indices count as seen): memory stays
 * bounded and recent indices stay exact.
 */
final class SessionState {
  static final int MAX_RANGES = 256;
  /** start0, end0, start1, end1, ... (inclusive). */
  private long[] ranges = new long[8];
  private int count;
  long highestRecordIndex;

  boolean seen(long c) {
    int i = firstStartAbove(c) - 1;
    return i >= 0 && ranges[2 * i + 1] >= c;
  }

  void mark(long c) {
    int next = firstStartAbove(c);
    int prev = next - 1;
    if (prev >= 0 && ranges[2 * prev + 1] >= c) {
      return;
    }
    boolean joinsPrev = prev >= 0 && ranges[2 * prev + 1] == c - 1;
    boolean joinsNext = next < count && ranges[2 * next] == c + 1;
    if (joinsPrev && joinsNext) {
      ranges[2 * prev + 1] = ranges[2 * next + 1];
      remove(next);
    } else if (joinsPrev) {
      ranges[2 * prev + 1] = c;
    } else if (joinsNext) {
      ranges[2 * next] = c;
    } else {
      insert(next, c);
    }
    if (count > MAX_RANGES) {
      ranges[1] = ranges[3];
      remove(1);
    }
  }

  /** Returns the index of the first range starting above {@code c} (count if none). */
  private int firstStartAbove(long c) {
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ranges[2 * mid] <= c) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void insert(int at, long c) {
    if (2 * count + 2 > ranges.length) {
      ranges = Arrays.copyOf(ranges, ranges.length * 2);
    }
    System.arraycopy(ranges, 2 * at, ranges, 2 * at + 2, 2 * (count - at));
    ranges[2 * at] = c;
    ranges[2 * at + 1] = c;
    count++;
  }

  private void remove(int at) {
    System.arraycopy(ranges, 2 * at + 2, ranges, 2 * at, 2 * (count - at - 1));
    count--;
  }
}
