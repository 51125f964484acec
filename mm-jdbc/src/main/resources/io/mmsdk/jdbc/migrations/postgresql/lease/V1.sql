-- Leases: who holds a named role (the licensing collector, a provisioning commit) until when
CREATE TABLE mm_lease (
  name VARCHAR(200) NOT NULL PRIMARY KEY,
  holder VARCHAR(200) NOT NULL,
  expires_epoch_milli BIGINT NOT NULL
);
