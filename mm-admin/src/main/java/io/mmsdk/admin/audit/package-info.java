/**
 * The append-only audit trail: who changed what, when (Scheduler clock), queryable and persisted
 * through an {@link io.mmsdk.admin.audit.AuditStore}. The trail implements mm-core's {@link
 * io.mmsdk.core.audit.AuditHook}, through which other modules report their changes.
 */
package io.mmsdk.admin.audit;
