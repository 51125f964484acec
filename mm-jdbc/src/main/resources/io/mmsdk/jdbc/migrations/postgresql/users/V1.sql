-- Users and policies, per scope: the version every save advances with the configuration (policies, LDAP server, group mappings, tags) and the passphrase dictionary; one row per local user with its password hashes, one per user tag
CREATE TABLE mm_user_state (
  scope VARCHAR(200) NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL,
  config TEXT,
  dictionary TEXT
);
CREATE TABLE mm_user (
  scope VARCHAR(200) NOT NULL,
  username TEXT NOT NULL,
  position INTEGER NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  previous_hashes TEXT NOT NULL,
  PRIMARY KEY (scope, username)
);
CREATE TABLE mm_user_tag (
  scope VARCHAR(200) NOT NULL,
  username TEXT NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (scope, username, tag)
);
