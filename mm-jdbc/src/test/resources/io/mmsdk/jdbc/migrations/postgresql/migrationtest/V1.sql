-- a table for the migration runner's tests
CREATE TABLE migration_test (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO migration_test (id, name) VALUES (1, 'one');
