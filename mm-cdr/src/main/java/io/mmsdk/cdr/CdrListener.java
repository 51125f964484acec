package io.mmsdk.cdr;

/**
 * Receives {@link CdrEvent}s from a {@link CdrPipeline}, one at a time and in order. Called after
 * the pipeline's locks are released: by default on a receiving thread before the Call Bridge is
 * acknowledged (keep it quick and never block), or on the executor set with {@link
 * CdrPipeline.Builder#listenerExecutor}. An exception is logged and does not stop other listeners
 * or the acknowledgement.
 */
@FunctionalInterface
public interface CdrListener {

  /**
   * Handles one event.
   *
   * @param event a record received, records missing, or a Call Bridge restart; never null
   */
  void onEvent(CdrEvent event);
}
