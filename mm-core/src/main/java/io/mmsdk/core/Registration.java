package io.mmsdk.core;

/** A listener registration; {@link #close()} removes the listener. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
  /** Removes the listener. Idempotent; never throws. */
  @Override
  void close();
}
