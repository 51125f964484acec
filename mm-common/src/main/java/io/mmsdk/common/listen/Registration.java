package io.mmsdk.common.listen;

/**
 * A listener's registration: {@link #close()} removes the listener again. Every SDK {@code
 * addListener} returns one, so a caller can remove a listener it added, or use the registration in
 * a try-with-resources block.
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {
  /**
   * Removes the listener. Idempotent: a second call does nothing. Never throws. A call to the
   * listener that has already begun may still finish after this returns; no call begins after it.
   */
  @Override
  void close();
}
