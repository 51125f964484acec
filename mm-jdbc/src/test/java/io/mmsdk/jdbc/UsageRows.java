package io.mmsdk.jdbc;

/** Damages usage rows the way another tool might: a time outside its range. */
final class UsageRows {
  private UsageRows() {}

  /** Damages the row of the {@code index}-th sample in time order (the contract's samples have distinct seconds). */
  static void damage(JdbcDatabase db, int index) {
    TestDatabases.execute(db, "UPDATE mm_usage_sample SET nano = -1 WHERE epoch_second = (SELECT epoch_second"
        + " FROM mm_usage_sample ORDER BY epoch_second LIMIT 1 OFFSET " + index + ")");
  }
}
