package io.mmsdk.common.store;

import java.nio.file.Path;
import java.util.Set;

/**
 * Drives one store through its public interface for {@link StoreProcessContract}: records are
 * numbered 0, 1, 2, ... and a record is acknowledged when {@link #write} returns. Implementations
 * need a public no-argument constructor, since {@link CrashChild} creates them in a child JVM.
 */
public interface StoreDriver extends AutoCloseable {
  /** Opens the store kept in {@code dir}. */
  void open(Path dir);

  /**
   * Stores record {@code i} durably; the records before it in this writer's run were written
   * before (another process may be writing another range of numbers at once).
   */
  void write(int i);

  /** Returns which of the records 0..{@code upTo} the store holds. */
  Set<Integer> present(int upTo);

  /** Closes the store. */
  @Override
  void close();
}
