-- Meeting history: meetings with their calls, participants, log and space tags, newest start first
CREATE TABLE mm_meeting (
  id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  cluster_id TEXT NOT NULL,
  name TEXT,
  co_space TEXT,
  call_correlator TEXT,
  call_type TEXT,
  owner_name TEXT,
  tenant TEXT,
  cdr_tag TEXT,
  locked SMALLINT NOT NULL,
  recording SMALLINT NOT NULL,
  streaming SMALLINT NOT NULL,
  ended SMALLINT NOT NULL,
  start_ns BIGINT NOT NULL,
  end_ns BIGINT,
  end_reason TEXT
);
-- ids sort bytewise (COLLATE "C"), as Java compares them, whatever the database's locale.
-- Every query returns meetings in this order (MeetingQuery.ORDER): newest start, then id.
CREATE INDEX mm_meeting_order ON mm_meeting (start_ns DESC, id);
CREATE INDEX mm_meeting_space ON mm_meeting (co_space, start_ns DESC, id);
CREATE INDEX mm_meeting_cluster ON mm_meeting (cluster_id, start_ns DESC, id);
CREATE TABLE mm_meeting_call (
  meeting_id TEXT COLLATE "C" NOT NULL,
  ordinal INTEGER NOT NULL,
  call_id TEXT,
  call_bridge TEXT,
  session TEXT,
  bridge_id TEXT,
  ended SMALLINT NOT NULL,
  PRIMARY KEY (meeting_id, ordinal)
);
CREATE TABLE mm_meeting_participant (
  meeting_id TEXT COLLATE "C" NOT NULL,
  ordinal INTEGER NOT NULL,
  call_leg_id TEXT NOT NULL,
  participant_id TEXT,
  call_id TEXT,
  call_bridge TEXT,
  display_name TEXT,
  remote_party TEXT,
  direction TEXT,
  state TEXT NOT NULL,
  joined_ns BIGINT,
  left_ns BIGINT,
  lobby TEXT NOT NULL,
  mute SMALLINT NOT NULL,
  layout TEXT,
  importance BIGINT,
  presenter SMALLINT NOT NULL,
  active_speaker SMALLINT NOT NULL,
  alarms TEXT NOT NULL,
  end_reason TEXT,
  duration_ns BIGINT,
  PRIMARY KEY (meeting_id, ordinal)
);
-- The meeting's log (Meeting.log()), oldest first: ordinal is the entry's place in the log, kind a
-- Meeting.LogKind name; subject and detail are kept as the entry has them (null or text).
CREATE TABLE mm_meeting_log (
  meeting_id TEXT COLLATE "C" NOT NULL,
  ordinal INTEGER NOT NULL,
  time_ns BIGINT NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT,
  detail TEXT,
  PRIMARY KEY (meeting_id, ordinal)
);
-- Each address that took part, once per meeting, as MeetingQuery.normalizeAddress makes it, with the
-- meeting's start: an address's meetings come out of the index in order, a page at a time.
CREATE TABLE mm_meeting_address (
  meeting_id TEXT COLLATE "C" NOT NULL,
  address TEXT NOT NULL,
  start_ns BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, address)
);
CREATE INDEX mm_meeting_address_order ON mm_meeting_address (address, start_ns DESC, meeting_id);
-- The tags the meeting's space carried when the meeting was written, with the meeting's start.
CREATE TABLE mm_meeting_tag (
  meeting_id TEXT COLLATE "C" NOT NULL,
  tag TEXT NOT NULL,
  start_ns BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, tag)
);
CREATE INDEX mm_meeting_tag_order ON mm_meeting_tag (tag, start_ns DESC, meeting_id);
