-- Audit trail: one row per event, keyed by its sequence
CREATE TABLE mm_audit_event (
  sequence INTEGER NOT NULL PRIMARY KEY,
  at_epoch_second INTEGER NOT NULL,
  at_nano INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL
);
