package io.mmsdk.cdr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link CdrJournal}'s group commit: an append returns only after a flush that covers its
 * entry, and one flush (a write and a force per segment) covers every entry staged before it
 * started. The first waiter to find no flush running leads: it takes every entry staged so far
 * and writes and forces them, while later entries are staged behind it and wait for the next
 * flush, which one of them leads. Only a leader touches the segment files, one at a time.
 *
 * <p>Entries are registered ({@link #written}) and taken by a leader under the journal's lock, in
 * the same hold as their staging resp. the taking of the staged bytes, so a flush always covers
 * the entries it completes; the writes and forces never hold the journal's lock.
 */
final class GroupCommit {
  /** The journal's side, called by the leader under the journal's lock. */
  interface Segments {
    /** {@return flushes of every segment's staged bytes, oldest segment first} */
    List<SegmentWriter.Flush> take();

    /** Reports that the first {@code done} of {@code flushes} reached the disk. */
    void flushed(List<SegmentWriter.Flush> flushes, int done);
  }

  private final Object journalLock;
  private final Segments segments;
  private final CdrJournal.Syncer syncer;
  private final Path dir;
  /** Entries staged and not yet taken by a leader; guarded by {@link #journalLock}. */
  private List<Pending> awaiting = new ArrayList<>();
  /** Guards {@link #forcing} and every {@link Pending}; never held while taking the journal's. */
  private final Object forceMonitor = new Object();
  private boolean forcing;

  GroupCommit(Object journalLock, Segments segments, CdrJournal.Syncer syncer, Path dir) {
    this.journalLock = journalLock;
    this.segments = segments;
    this.syncer = syncer;
    this.dir = dir;
  }

  /** Registers an entry just staged; caller holds the journal's lock. {@return its wait} */
  Pending written() {
    Pending p = new Pending();
    awaiting.add(p);
    return p;
  }

  /** {@return how many staged entries wait for a flush}; caller holds the journal's lock */
  int awaitingForce() {
    return awaiting.size();
  }

  /**
   * Waits until a flush covers {@code me}, leading one if none runs.
   *
   * @throws CdrStoreException if that flush failed or the thread was interrupted
   */
  void await(Pending me) {
    while (true) {
      synchronized (forceMonitor) {
        while (!me.done && forcing) {
          try {
            forceMonitor.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdrStoreException("interrupted while waiting for the CDR journal " + dir
                + " to reach the disk; the batch is not acknowledged and will be re-sent", e);
          }
        }
        if (me.done) {
          if (me.failure != null) {
            throw me.failure;
          }
          return;
        }
        forcing = true;
      }
      List<Pending> group;
      List<SegmentWriter.Flush> flushes;
      synchronized (journalLock) {
        group = awaiting;
        awaiting = new ArrayList<>();
        flushes = segments.take();
      }
      CdrStoreException failure = null;
      int done = 0;
      try {
        for (SegmentWriter.Flush f : flushes) {
          f.write(syncer);
          done++;
        }
      } catch (IOException | RuntimeException e) {
        failure = writeFailed(dir, e);
      } finally {
        synchronized (journalLock) {
          segments.flushed(flushes, done);
        }
      }
      synchronized (forceMonitor) {
        for (Pending p : group) {
          p.done = true;
          p.failure = failure;
        }
        forcing = false;
        forceMonitor.notifyAll();
      }
    }
  }

  /** {@return the failure to report when writing or forcing journal {@code dir} failed} */
  static CdrStoreException writeFailed(Path dir, Exception e) {
    String why = e.getMessage() != null ? e.getMessage() : e.toString();
    return new CdrStoreException("cannot write CDR batch to journal " + dir
        + ": " + why + "; the receiver answers 503 and the Call Bridge will re-send", e);
  }

  /** One entry's wait for a force; fields guarded by {@link #forceMonitor}. */
  static final class Pending {
    private boolean done;
    private CdrStoreException failure;
  }
}
