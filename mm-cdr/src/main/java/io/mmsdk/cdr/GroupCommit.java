package io.mmsdk.cdr;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link CdrJournal}'s group commit: an append returns only after a force that covers its
 * entry, and one force covers every entry written before it started. The first waiter to find no
 * force running leads: it takes every entry written so far and forces them with one call, while
 * later entries are written behind it and wait for the next force, which one of them leads.
 *
 * <p>Entries are registered ({@link #written}) and taken by a leader under the journal's lock, in
 * the same hold as the write resp. the read of the segment they were written to, so a force
 * always covers the entries it completes; the wait itself never holds the journal's lock.
 */
final class GroupCommit {
  /** The journal's side, read by the leader under the journal's lock. */
  interface Segments {
    /** {@return the segment the entries written so far are in} */
    FileChannel active();

    /** {@return whether the journal was closed} */
    boolean closed();
  }

  private final Object journalLock;
  private final Segments segments;
  private final CdrJournal.Syncer syncer;
  private final Path dir;
  /** Entries written and not yet taken by a leader; guarded by {@link #journalLock}. */
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

  /** Registers an entry just written; caller holds the journal's lock. {@return its wait} */
  Pending written() {
    Pending p = new Pending();
    awaiting.add(p);
    return p;
  }

  /** {@return how many written entries wait for a force}; caller holds the journal's lock */
  int awaitingForce() {
    return awaiting.size();
  }

  /**
   * Completes every registered entry; caller holds the journal's lock and has just forced the
   * segment they were written to (before rolling to the next one).
   */
  void coveredAll() {
    List<Pending> group = awaiting;
    awaiting = new ArrayList<>();
    synchronized (forceMonitor) {
      for (Pending p : group) {
        p.done = true;
      }
      forceMonitor.notifyAll(); // a running force, if any, still belongs to its leader
    }
  }

  /**
   * Waits until a force covers {@code me}, leading a force if none runs.
   *
   * @throws CdrStoreException if that force failed, the journal was closed before it, or the
   *     thread was interrupted
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
      FileChannel channel;
      boolean closedBefore;
      synchronized (journalLock) {
        group = awaiting;
        awaiting = new ArrayList<>();
        channel = segments.active();
        closedBefore = segments.closed();
      }
      CdrStoreException failure = null;
      try {
        if (!group.isEmpty()) {
          syncer.force(channel);
        }
      } catch (ClosedChannelException e) {
        // Rolled or closed since: both force the segment before closing it, unless shut down.
        if (closedBefore) {
          failure = new CdrStoreException("CDR journal " + dir + " was closed before the batch"
              + " reached the disk; it is not acknowledged and will be re-sent", e);
        }
      } catch (IOException e) {
        failure = writeFailed(dir, e);
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
  static CdrStoreException writeFailed(Path dir, IOException e) {
    return new CdrStoreException("cannot write CDR batch to journal " + dir
        + ": " + e.getMessage() + "; the receiver answers 503 and the Call Bridge will re-send",
        e);
  }

  /** One entry's wait for a force; fields guarded by {@link #forceMonitor}. */
  static final class Pending {
    private boolean done;
    private CdrStoreException failure;
  }
}
