-- a second column; the runner's tests fail this script on demand
ALTER TABLE migration_test ADD COLUMN note TEXT;
CREATE TABLE migration_test_more (id INTEGER PRIMARY KEY);
