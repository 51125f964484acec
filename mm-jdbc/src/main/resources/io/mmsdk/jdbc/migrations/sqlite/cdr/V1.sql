-- CDR batches as received, and one row per record: its key decides which receiver stored it first
CREATE TABLE cdr_batch (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  origin_tags TEXT NOT NULL,
  received_s INTEGER NOT NULL,
  received_ns INTEGER NOT NULL,
  body BLOB NOT NULL
);
CREATE INDEX cdr_batch_received ON cdr_batch (received_s);
CREATE TABLE cdr_record (
  session TEXT NOT NULL,
  correlator_index INTEGER NOT NULL,
  batch_id INTEGER NOT NULL,
  received_s INTEGER NOT NULL,
  PRIMARY KEY (session, correlator_index)
) WITHOUT ROWID;
CREATE INDEX cdr_record_received ON cdr_record (received_s);
