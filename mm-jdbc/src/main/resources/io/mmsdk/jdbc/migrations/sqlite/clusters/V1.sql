-- Clusters, per scope: the version every save advances, one row per cluster and per Call Bridge, and the bridges' API credentials in a table of their own (grant it to mm-sdk's user only)
CREATE TABLE mm_cluster_state (
  scope TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL
);
CREATE TABLE mm_cluster (
  scope TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  manage_meetings INTEGER NOT NULL,
  PRIMARY KEY (scope, cluster_id)
);
CREATE TABLE mm_call_bridge (
  scope TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  bridge_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  trust_pem TEXT,
  trust_pem_file TEXT,
  check_revocation INTEGER NOT NULL,
  insecure INTEGER NOT NULL,
  PRIMARY KEY (scope, cluster_id, bridge_id)
);
CREATE TABLE mm_call_bridge_credential (
  scope TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  bridge_id TEXT NOT NULL,
  username TEXT NOT NULL,
  password TEXT NOT NULL,
  PRIMARY KEY (scope, cluster_id, bridge_id)
);
