package io.mmsdk.cdr;

/**
 * Receives {@link CdrEvent}s from a {@link CdrPipeline}, one at a time and in order. Called on the
 * receiving thread while the pipeline's lock is held: keep it quick and never block. An exception
 * is logged and does not stop other listeners or the acknowledgement.
 */
@FunctionalInterface
public interface CdrListener {

  /** Handles one event. */
  void onEvent(CdrEvent event);
}
