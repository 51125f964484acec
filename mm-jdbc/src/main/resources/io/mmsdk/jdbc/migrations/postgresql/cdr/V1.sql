-- CDR batches as received, and one row per record: its key decides which receiver stored it first
CREATE TABLE cdr_batch (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  origin_tags TEXT NOT NULL,
  received_s BIGINT NOT NULL,
  received_ns INTEGER NOT NULL,
  body BYTEA NOT NULL
);
CREATE INDEX cdr_batch_received ON cdr_batch (received_s);
CREATE TABLE cdr_record (
  session TEXT NOT NULL,
  correlator_index BIGINT NOT NULL,
  batch_id BIGINT NOT NULL,
  received_s BIGINT NOT NULL,
  PRIMARY KEY (session, correlator_index)
);
CREATE INDEX cdr_record_received ON cdr_record (received_s);
