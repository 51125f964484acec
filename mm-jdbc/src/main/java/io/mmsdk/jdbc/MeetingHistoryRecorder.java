package io.mmsdk.jdbc;

import static java.util.Objects.requireNonNull;

import io.mmsdk.common.listen.Registration;
import io.mmsdk.meetings.Meeting;
import io.mmsdk.meetings.MeetingChange;
import io.mmsdk.meetings.MeetingListener;
import io.mmsdk.meetings.MeetingTracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link MeetingTracker}'s meetings into a {@link JdbcMeetingHistory}: each meeting when
 * it ends (and, with {@link Builder#includeRunning}, whenever a running one changes), with its
 * calls, participants, log and space tags.
 *
 * <p>As a {@link MeetingListener} it only marks the meeting's id and returns: one writer thread of
 * its own reads the marked meetings from the tracker ({@link MeetingTracker#findMeeting}) and
 * writes up to {@link Builder#batchSize} of them per transaction. So no database work runs under
 * the tracker's lock or on its listener thread, and CDR acknowledgement never waits for the
 * database. A meeting marked again before it is written is written once, as it is then; roster
 * changes ({@link Meeting.LogKind#PARTICIPANT_UPDATED}) mark nothing, the next change or the end
 * writes the participants as they are. A merged meeting ({@link Meeting.LogKind#MEETING_MERGED})
 * is deleted.
 *
 * <p>Backpressure and failures: at most {@link Builder#maxPending} meetings wait; beyond that, or
 * when the tracker drops changes ({@link #onChangesDropped}), the writer re-reads every meeting
 * the tracker keeps and writes those it would have, so nothing is lost while the tracker still
 * keeps it. A failed write is retried, the meetings staying marked, after {@link
 * Builder#retryDelay} doubling up to one minute, and each failure is logged; a meeting the tracker
 * no longer keeps when its turn comes (retention passed while the database was down) is counted
 * as {@linkplain Status#lost() lost}. {@link #status()} tells how far behind the writer is.
 */
public final class MeetingHistoryRecorder implements MeetingListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MeetingHistoryRecorder.class);
  private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

  private final MeetingTracker tracker;
  private final JdbcMeetingHistory history;
  private final boolean includeRunning;
  private final int batchSize;
  private final int maxPending;
  private final Duration retryDelay;
  private final Thread writer;
  /** The tracker registration, closed by {@link #close()}. */
  private volatile Registration registration = () -> { };

  private final Object lock = new Object();
  // guarded by lock: meeting id -> what to do; a new Mark replaces one being written meanwhile
  private final LinkedHashMap<String, Mark> pending = new LinkedHashMap<>();
  private boolean sweepNeeded;
  private boolean writing;
  private boolean closing;
  private long written;
  private long failedAttempts;
  private long lost;
  private String lastFailure;

  private MeetingHistoryRecorder(Builder b) {
    this.tracker = b.tracker;
    this.history = b.history;
    this.includeRunning = b.includeRunning;
    this.batchSize = b.batchSize;
    this.maxPending = b.maxPending;
    this.retryDelay = b.retryDelay;
    this.writer = new Thread(this::runWriter, "mm-meeting-history-writer");
    writer.setDaemon(true);
  }

  /**
   * {@return a builder of a recorder of {@code tracker}'s meetings into {@code history}}
   *
   * @param tracker the tracker whose meetings are written
   * @param history where they are written
   */
  public static Builder builder(MeetingTracker tracker, JdbcMeetingHistory history) {
    return new Builder(requireNonNull(tracker, "tracker == null"),
        requireNonNull(history, "history == null"));
  }

  /**
   * Marks the changed meeting for writing (or deleting, if it was merged into another); returns
   * at once.
   *
   * @param change the tracker's change
   */
  @Override
  public void onMeetingChanged(MeetingChange change) {
    Meeting.LogKind kind = change.entry().kind();
    if (kind == Meeting.LogKind.MEETING_MERGED) {
      mark(change.meetingId(), true);
      if (change.entry().subject() != null
          && (includeRunning || change.state() == Meeting.State.ENDED)) {
        mark(change.entry().subject(), false);
      }
    } else if (kind != Meeting.LogKind.PARTICIPANT_UPDATED
        && (includeRunning || change.state() == Meeting.State.ENDED)) {
      mark(change.meetingId(), false);
    }
  }

  /**
   * Has the writer re-read every meeting the tracker keeps, as changes were lost.
   *
   * @param count how many changes the tracker dropped
   */
  @Override
  public void onChangesDropped(long count) {
    synchronized (lock) {
      sweepNeeded = true;
      lock.notifyAll();
    }
  }

  private void mark(String meetingId, boolean delete) {
    synchronized (lock) {
      if (closing) {
        return;
      }
      if (pending.size() >= maxPending && !pending.containsKey(meetingId)) {
        sweepNeeded = true; // re-read from the tracker once the backlog is written
      } else {
        pending.put(meetingId, new Mark(delete));
      }
      lock.notifyAll();
    }
  }

  private void runWriter() {
    Duration delay = retryDelay;
    int size = batchSize;
    while (true) {
      Map<String, Mark> batch = new LinkedHashMap<>();
      boolean sweep;
      synchronized (lock) {
        while (!closing && pending.isEmpty() && !sweepNeeded) {
          size = batchSize;
          waitOn(Duration.ZERO);
        }
        if (pending.isEmpty() && !sweepNeeded) {
          return; // closing, and everything is written
        }
        sweep = sweepNeeded && pending.isEmpty();
        sweepNeeded &= !sweep;
        for (Iterator<Map.Entry<String, Mark>> it = pending.entrySet().iterator();
            it.hasNext() && batch.size() < size; ) {
          Map.Entry<String, Mark> e = it.next();
          batch.put(e.getKey(), e.getValue());
        }
        writing = true;
      }
      if (sweep) {
        markKept();
        finishBatch(Map.of(), 0, 0);
        continue;
      }
      try {
        int[] counts = write(batch);
        finishBatch(batch, counts[0], counts[1]);
        delay = retryDelay;
      } catch (JdbcStoreException e) {
        synchronized (lock) {
          writing = false;
          failedAttempts++;
          lastFailure = e.getMessage();
          if (closing) {
            log.error("closing with {} meeting(s) not written to {}: {}", pending.size(), history,
                e.getMessage());
            pending.clear();
            lock.notifyAll();
            return;
          }
          log.warn("cannot write {} meeting(s) to {}, {} waiting; retrying in {}: {}",
              batch.size(), history, pending.size(), delay, e.getMessage());
          lock.notifyAll();
          waitOn(delay);
        }
        delay = min(delay.multipliedBy(2), MAX_RETRY_DELAY);
      } catch (RuntimeException e) {
        if (batch.size() > 1) {
          size = 1; // write one at a time to find the meeting that cannot be written
          synchronized (lock) {
            writing = false;
          }
        } else {
          log.error("meeting {} cannot be written to {}; it is left out of the history",
              batch.keySet().iterator().next(), history, e);
          finishBatch(batch, 0, 1);
          size = batchSize;
        }
      }
    }
  }

  /** Writes one batch; returns how many meetings were written and how many were lost. */
  private int[] write(Map<String, Mark> batch) {
    List<String> deletes = new ArrayList<>();
    List<Meeting> saves = new ArrayList<>();
    int missing = 0;
    for (Map.Entry<String, Mark> e : batch.entrySet()) {
      if (e.getValue().delete) {
        deletes.add(e.getKey());
      } else {
        Optional<Meeting> m = tracker.findMeeting(e.getKey());
        if (m.isPresent()) {
          saves.add(m.get());
        } else {
          missing++;
          log.warn("meeting {} is no longer kept by the tracker (retention passed or its cluster"
              + " was forgotten before it was written); it is missing from {}", e.getKey(),
              history);
        }
      }
    }
    history.delete(deletes);
    history.save(saves);
    return new int[] {saves.size(), missing};
  }

  private void finishBatch(Map<String, Mark> batch, int savedCount, int lostCount) {
    synchronized (lock) {
      for (Map.Entry<String, Mark> e : batch.entrySet()) {
        pending.remove(e.getKey(), e.getValue()); // kept if marked again meanwhile
      }
      written += savedCount;
      lost += lostCount;
      writing = false;
      lastFailure = null;
      lock.notifyAll();
    }
  }

  /** Marks every meeting the tracker keeps that this recorder writes. */
  private void markKept() {
    List<Meeting> kept = tracker.meetings();
    synchronized (lock) {
      for (Meeting m : kept) {
        if (includeRunning || m.state() == Meeting.State.ENDED) {
          pending.putIfAbsent(m.id(), new Mark(false));
        }
      }
    }
  }

  /** Waits on {@code lock} (held) for {@code d}, or until notified if zero. */
  private void waitOn(Duration d) {
    try {
      lock.wait(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closing = true;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * Waits until every meeting marked so far is written (or found lost), for example before a
   * report or in a test.
   *
   * @param timeout how long to wait at most
   * @return true if nothing waits, false if the timeout passed first (see {@link #status()})
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitWritten(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (!pending.isEmpty() || sweepNeeded || writing) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  /** {@return how far behind the writer is, and what it has done} */
  public Status status() {
    synchronized (lock) {
      return new Status(pending.size() + (sweepNeeded ? 1 : 0), written, failedAttempts, lost,
          lastFailure);
    }
  }

  /**
   * Stops taking changes (and leaves the tracker's listeners) and writes what is marked, waiting
   * up to 30 seconds; if a write fails meanwhile, the rest is not written (and logged). The
   * history and the database stay open.
   *
   * @throws InterruptedException if interrupted while waiting for the writer
   */
  @Override
  public void close() throws InterruptedException {
    registration.close();
    synchronized (lock) {
      closing = true;
      lock.notifyAll();
    }
    writer.join(CLOSE_WAIT.toMillis());
    if (writer.isAlive()) {
      log.warn("the writer to {} did not finish within {}; {} meeting(s) may be missing", history,
          CLOSE_WAIT, status().pending());
    }
  }

  @Override
  public String toString() {
    return "MeetingHistoryRecorder[" + history + ", " + status() + "]";
  }

  /** What to do with a marked meeting; a new instance for each mark, compared by identity. */
  private static final class Mark {
    final boolean delete;

    Mark(boolean delete) {
      this.delete = delete;
    }
  }

  /**
   * How far behind a recorder's writer is.
   *
   * @param pending meetings marked and not yet written (plus one while a re-read of the tracker is
   *     due)
   * @param written meeting writes since the recorder started (a meeting that changes again after it
   *     was written is written again)
   * @param failedAttempts writes that failed and were retried (or, when closing, given up)
   * @param lost meetings the tracker no longer kept when their turn came, or that could not be
   *     encoded
   * @param lastFailure the message of the failure the writer is retrying, or null while writes
   *     succeed
   */
  public record Status(int pending, long written, long failedAttempts, long lost,
      String lastFailure) {}

  /** Builds and starts a {@link MeetingHistoryRecorder}. */
  public static final class Builder {
    private final MeetingTracker tracker;
    private final JdbcMeetingHistory history;
    private boolean includeRunning;
    private int batchSize = 100;
    private int maxPending = 100_000;
    private Duration retryDelay = Duration.ofSeconds(1);

    private Builder(MeetingTracker tracker, JdbcMeetingHistory history) {
      this.tracker = tracker;
      this.history = history;
    }

    /**
     * Also writes running meetings, whenever they change (default: only ended meetings), so the
     * history answers for them too and a restart of the process keeps what they were.
     *
     * @param includeRunning whether to write running meetings
     * @return this builder
     */
    public Builder includeRunning(boolean includeRunning) {
      this.includeRunning = includeRunning;
      return this;
    }

    /**
     * Sets how many meetings one transaction writes at most (default 100).
     *
     * @param batchSize 1 to 1,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > 1_000) {
        throw new IllegalArgumentException("batchSize is " + batchSize + "; expected 1 to 1000");
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Sets how many meetings may wait to be written before the recorder stops marking them one by
     * one and re-reads the tracker instead (default 100,000).
     *
     * @param maxPending at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxPending(int maxPending) {
      if (maxPending < 1) {
        throw new IllegalArgumentException("maxPending must be at least 1: " + maxPending);
      }
      this.maxPending = maxPending;
      return this;
    }

    /**
     * Sets how long the writer waits after a failed write before the first retry (default 1 s;
     * doubled after each failure, up to one minute).
     *
     * @param retryDelay positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder retryDelay(Duration retryDelay) {
      requireNonNull(retryDelay, "retryDelay == null");
      if (retryDelay.isNegative() || retryDelay.isZero()) {
        throw new IllegalArgumentException("retryDelay must be positive: " + retryDelay);
      }
      this.retryDelay = retryDelay;
      return this;
    }

    /**
     * Starts the writer, adds the recorder to the tracker's listeners and marks the meetings the
     * tracker already keeps (those this recorder writes), so none from before is missed.
     *
     * @return the running recorder; close it before the history and the database
     */
    public MeetingHistoryRecorder start() {
      MeetingHistoryRecorder r = new MeetingHistoryRecorder(this);
      r.writer.start();
      r.registration = tracker.addListener(r);
      r.onChangesDropped(0);
      return r;
    }
  }
}
