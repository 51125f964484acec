package io.mmsdk.provisioning;

/**
 * One field of a {@link PlanStep}: its value on the server before and the value it will have after.
 * A null {@code before} means "not set"; an empty {@code after} clears the field. For secrets both
 * values are descriptions (for example {@code (will be re-sent)}), never the secret.
 *
 * @param field the CMS field name
 * @param before value on the server, or null
 * @param after value after commit
 * @param secret whether the field is write-only and masked
 */
public record FieldChange(String field, String before, String after, boolean secret) {}
