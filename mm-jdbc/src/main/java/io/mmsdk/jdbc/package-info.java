/**
 * mm-sdk's stores on a relational database. A {@link io.mmsdk.jdbc.JdbcDatabase} is the handle:
 * {@link io.mmsdk.jdbc.JdbcDatabase#sqlite(java.nio.file.Path)} opens the embedded default (one
 * SQLite file, safe against a crash and shared safely by several processes on one host), and
 * {@link io.mmsdk.jdbc.JdbcDatabase#builder(String)} or {@link
 * io.mmsdk.jdbc.JdbcDatabase#builder(javax.sql.DataSource)} reach PostgreSQL, which several
 * processes on several hosts can share. Each store ({@link io.mmsdk.jdbc.JdbcCdrStore}, ...) keeps
 * its own tables and its own numbered schema migrations, applied when it opens; a database whose
 * schema is newer than this code is refused with {@link io.mmsdk.jdbc.SchemaTooNewException}.
 */
package io.mmsdk.jdbc;
