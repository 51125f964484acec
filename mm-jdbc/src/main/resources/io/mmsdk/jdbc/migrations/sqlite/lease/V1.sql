-- Leases: who holds a named role (the licensing collector, a provisioning commit) until when
CREATE TABLE mm_lease (
  name TEXT NOT NULL PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_epoch_milli INTEGER NOT NULL
);
