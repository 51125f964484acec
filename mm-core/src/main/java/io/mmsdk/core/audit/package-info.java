/**
 * The audit seam of modules that do not depend on mm-admin: {@link io.mmsdk.core.audit.AuditHook}.
 * The audit trail itself (events, query, store) is in mm-admin's {@code io.mmsdk.admin.audit}.
 */
package io.mmsdk.core.audit;
