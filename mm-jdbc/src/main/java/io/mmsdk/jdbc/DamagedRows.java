package io.mmsdk.jdbc;

import io.mmsdk.common.store.DamagedRecord;
import java.nio.file.Path;
import org.slf4j.Logger;

/**
 * Reports a row a store cannot decode (a value outside its range, an unknown name written by another
 * tool or a newer version) as a {@link DamagedRecord}: {@code file} names the table, {@code offset}
 * counts the row's position in the store's scan (0-based, in key order), {@code length} is 1 row.
 * The row stays in the table for inspection; every other row is still read.
 */
final class DamagedRows {
  private DamagedRows() {}

  static DamagedRecord report(Logger log, JdbcDatabase db, String table, long index, String key,
      String reason) {
    log.warn("{}: skipping damaged row {} of table {} ({}): {}. The other rows are kept; compare"
        + " the row with a backup, then fix or delete it.", db, key, table, index, reason);
    return new DamagedRecord(Path.of(table), index, 1, key + ": " + reason);
  }
}
