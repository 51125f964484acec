-- License usage samples: one row per Call Bridge host and report time, kept for the 90-day window
CREATE TABLE mm_usage_sample (
  host_id VARCHAR(1024) NOT NULL,
  epoch_second BIGINT NOT NULL,
  nano INTEGER NOT NULL,
  pmp DOUBLE PRECISION NOT NULL,
  smp_audio_only DOUBLE PRECISION NOT NULL,
  smp_point_to_point DOUBLE PRECISION NOT NULL,
  smp_full DOUBLE PRECISION NOT NULL,
  recording DOUBLE PRECISION NOT NULL,
  streaming DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (host_id, epoch_second, nano)
);
CREATE INDEX mm_usage_sample_time ON mm_usage_sample (epoch_second, nano);
