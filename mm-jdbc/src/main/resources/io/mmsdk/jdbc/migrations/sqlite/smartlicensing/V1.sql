-- Smart Licensing status, per scope: one row with the version every save advances, and the licenses of a Specific reservation
CREATE TABLE mm_smart_licensing (
  scope TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL,
  registration TEXT,
  authorization_status TEXT,
  last_renewal TEXT,
  registered_at TEXT,
  confirmation_pending INTEGER,
  reservation TEXT
);
CREATE TABLE mm_smart_reservation (
  scope TEXT NOT NULL,
  allocation_type TEXT NOT NULL,
  reserved INTEGER NOT NULL,
  PRIMARY KEY (scope, allocation_type)
);
