/**
 * The append-only audit trail: who changed what, when (Scheduler clock), queryable and persisted
 * through an {@link io.mmsdk.core.audit.AuditStore}.
 */
package io.mmsdk.core.audit;
