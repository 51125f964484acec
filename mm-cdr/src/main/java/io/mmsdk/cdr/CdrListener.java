package io.mmsdk.cdr;

import java.util.List;

/**
 * Receives {@link CdrEvent}s from a {@link CdrPipeline}, one delivery at a time and in order: the
 * pipeline hands each listener the events of one or more batches at once ({@link #onEvents}), which
 * by default calls {@link #onEvent} for each. Called after
 * the pipeline's locks are released and never on the thread that accepted the batch: by default on
 * the pipeline's own delivery thread ({@value CdrPipeline#DELIVERY_THREAD}), or on the executor
 * set with {@link CdrPipeline.Builder#listenerExecutor}. A slow listener does not delay the Call
 * Bridge's acknowledgement unless it falls {@linkplain CdrPipeline.Builder#maxUndeliveredEvents
 * that far} behind. An exception is logged and does not stop other listeners.
 */
@FunctionalInterface
public interface CdrListener {

  /**
   * Handles one event.
   *
   * @param event a record received, records missing, or a Call Bridge restart; never null
   */
  void onEvent(CdrEvent event);

  /**
   * Handles the events of one delivery, in order. The default calls {@link #onEvent} for each, also
   * for those after one that threw; override it to apply them at once (a {@code MeetingTracker}
   * takes its lock once per call).
   *
   * @param events the events, in the order the pipeline decided them; not empty, not to be
   *     modified or kept after the call
   * @throws RuntimeException the first exception {@link #onEvent} threw, the later ones suppressed
   *     in it, after every event was handled
   */
  default void onEvents(List<CdrEvent> events) {
    RuntimeException failure = null;
    for (CdrEvent e : events) {
      try {
        onEvent(e);
      } catch (RuntimeException ex) {
        if (failure == null) {
          failure = ex;
        } else {
          failure.addSuppressed(ex);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
