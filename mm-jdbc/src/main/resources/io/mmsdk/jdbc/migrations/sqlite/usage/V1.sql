-- License usage samples: one row per Call Bridge host and report time, kept for the 90-day window
CREATE TABLE mm_usage_sample (
  host_id TEXT NOT NULL,
  epoch_second INTEGER NOT NULL,
  nano INTEGER NOT NULL,
  pmp REAL NOT NULL,
  smp_audio_only REAL NOT NULL,
  smp_point_to_point REAL NOT NULL,
  smp_full REAL NOT NULL,
  recording REAL NOT NULL,
  streaming REAL NOT NULL,
  PRIMARY KEY (host_id, epoch_second, nano)
);
CREATE INDEX mm_usage_sample_time ON mm_usage_sample (epoch_second, nano);
