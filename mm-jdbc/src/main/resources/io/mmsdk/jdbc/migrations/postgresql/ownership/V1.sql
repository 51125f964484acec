-- Provisioning ownership: the CMS objects mm-sdk owns, and creates in doubt, per scope (a cluster)
CREATE TABLE mm_owned_object (
  scope VARCHAR(200) NOT NULL,
  object_key TEXT NOT NULL,
  kind VARCHAR(100) NOT NULL,
  cms_id TEXT NOT NULL,
  parent_id TEXT,
  secret_fingerprint TEXT,
  PRIMARY KEY (scope, object_key)
);
CREATE TABLE mm_pending_create (
  scope VARCHAR(200) NOT NULL,
  object_key TEXT NOT NULL,
  existing_ids TEXT NOT NULL,
  PRIMARY KEY (scope, object_key)
);
