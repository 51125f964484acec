/**
 * Building blocks for file-backed stores: atomic replacement of a whole file (write a temporary
 * file in the same directory, force it to disk, rename it over the target, force the directory), so
 * that every embedded store in mm-sdk survives a crash with either its old or its new content; an
 * exclusive {@link io.mmsdk.common.store.StoreLock} per store, so that a second opener fails clearly
 * instead of losing writes; owner-only files and directories ({@link
 * io.mmsdk.common.store.StoreFiles}); and {@link io.mmsdk.common.store.StoreConflictException}, which
 * a store shared by processes throws rather than overwrite a whole state it never read.
 */
package io.mmsdk.common.store;
