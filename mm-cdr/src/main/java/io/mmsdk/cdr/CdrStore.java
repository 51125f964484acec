package io.mmsdk.cdr;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Durable storage of received batches behind a {@link CdrPipeline}. mm-jdbc's {@code
 * JdbcCdrStore} keeps them in a database: SQLite, the embedded default, or PostgreSQL, which
 * several receivers may share. {@link #file(Path)} is mm-cdr's own file-backed store for one
 * process (a {@link CdrJournal}, whose builder has the options), for receivers without a JDBC
 * driver; {@link #none()} keeps nothing.
 *
 * <p>A store shared by several receivers decides which of them delivers each record: {@link
 * #append} returns only the records no receiver stored before, by the database's uniqueness on
 * (session, {@code correlatorIndex}). A store for one process returns every record, and the
 * pipeline's own duplicate filter decides.
 */
public interface CdrStore extends AutoCloseable {

  /**
   * Stores {@code batch}; when this returns normally the batch must survive a crash of the process.
   *
   * @param batch the batch as received, with its origin and raw bytes; not null
   * @return the records of {@code batch} this call stored first, in document order: for a store
   *     shared by several processes, those that no earlier append (by any of them) stored; for a
   *     store of one process, every record
   * @throws CdrStoreException if it could not be stored
   */
  List<CdrRecord> append(ReceivedBatch batch);

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
      public List<CdrRecord> append(ReceivedBatch batch) {
        return batch.batch().records();
      }

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
