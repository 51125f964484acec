-- Blast dial, per scope (one instance of the SDK): monitoring role, space configurations with their contacts, dials in progress
CREATE TABLE mm_blastdial_monitoring (
  scope TEXT NOT NULL PRIMARY KEY,
  role TEXT NOT NULL,
  secondary_delay TEXT NOT NULL
);
CREATE TABLE mm_blastdial_space (
  scope TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  space_id TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  retries INTEGER NOT NULL,
  retry_delay TEXT NOT NULL,
  audio_prompt TEXT NOT NULL,
  PRIMARY KEY (scope, cluster_id, space_id)
);
CREATE TABLE mm_blastdial_contact (
  scope TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  space_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  contact_id TEXT NOT NULL,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  prompt_required INTEGER NOT NULL,
  PRIMARY KEY (scope, cluster_id, space_id, position)
);
CREATE TABLE mm_blastdial_run (
  scope TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  call_id TEXT NOT NULL,
  space_id TEXT NOT NULL,
  started_at TEXT NOT NULL,
  phase TEXT NOT NULL,
  PRIMARY KEY (scope, cluster_id, call_id)
);
CREATE TABLE mm_blastdial_run_contact (
  scope TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  call_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  contact_id TEXT NOT NULL,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  prompt_required INTEGER NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_retry_at TEXT,
  call_leg_id TEXT,
  last_result TEXT,
  PRIMARY KEY (scope, cluster_id, call_id, position)
);
