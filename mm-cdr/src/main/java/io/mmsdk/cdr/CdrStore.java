package io.mmsdk.cdr;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Durable storage of received batches behind a {@link CdrPipeline}. {@link #file(Path)} is the
 * embedded, file-backed default (a {@link CdrJournal}, whose builder has the options);
 * {@link #none()} keeps nothing.
 */
public interface CdrStore extends AutoCloseable {

  /**
   * Stores {@code batch}; when this returns normally the batch must survive a crash of the process.
   *
   * @param batch the batch as received, with its origin and raw bytes; not null
   * @throws CdrStoreException if it could not be stored
   */
  void append(ReceivedBatch batch);

  /**
   * Passes every retained batch to {@code consumer}, oldest first.
   *
   * @param consumer called once per batch, on the calling thread; not null
   */
  void replay(Consumer<ReceivedBatch> consumer);

  /** Releases files and threads. */
  @Override
  void close();

  /**
   * Opens (or creates) a journal in {@code dir} with default settings; use
   * {@link CdrJournal#builder(Path)} to set retention, limits or the scheduler.
   *
   * @param dir the journal's directory, created if missing
   * @return the open journal; close it when done
   * @throws CdrStoreException if the directory cannot be opened
   */
  static CdrStore file(Path dir) {
    return CdrJournal.builder(dir).build();
  }

  /** {@return a store that keeps nothing: acknowledged batches are lost if the process stops} */
  static CdrStore none() {
    return new CdrStore() {
      @Override
      public void append(ReceivedBatch batch) {}

      @Override
      public void replay(Consumer<ReceivedBatch> consumer) {}

      @Override
      public void close() {}

      @Override
      public String toString() {
        return "CdrStore.none()";
      }
    };
  }
}
