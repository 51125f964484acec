-- License state, per scope: mode and customization with the version every save advances, allocations, trials (one per type) with their clusters, clusters of earlier trials, enforcement times
CREATE TABLE mm_license_state (
  scope VARCHAR(200) NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL,
  mode TEXT,
  customization_license INTEGER,
  customization_enabled INTEGER
);
CREATE TABLE mm_license_allocation (
  scope VARCHAR(200) NOT NULL,
  allocation_type TEXT NOT NULL,
  licenses BIGINT NOT NULL,
  PRIMARY KEY (scope, allocation_type)
);
CREATE TABLE mm_license_trial (
  scope VARCHAR(200) NOT NULL,
  feature TEXT NOT NULL,
  position INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  PRIMARY KEY (scope, feature)
);
CREATE TABLE mm_license_trial_cluster (
  scope VARCHAR(200) NOT NULL,
  feature TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  PRIMARY KEY (scope, feature, cluster_id)
);
CREATE TABLE mm_license_earlier_trial_cluster (
  scope VARCHAR(200) NOT NULL,
  feature TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  PRIMARY KEY (scope, feature, cluster_id)
);
CREATE TABLE mm_license_enforcement (
  scope VARCHAR(200) NOT NULL,
  cluster_id TEXT NOT NULL,
  feature TEXT NOT NULL,
  since TEXT NOT NULL,
  PRIMARY KEY (scope, cluster_id, feature)
);
