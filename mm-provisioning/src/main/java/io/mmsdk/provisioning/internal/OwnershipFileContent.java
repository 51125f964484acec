package io.mmsdk.provisioning.internal;

import io.mmsdk.provisioning.OwnedObject;
import java.util.List;
import java.util.Map;

/**
 * The JSON layout of the ownership file; public only because Moshi reads records reflectively.
 *
 * @param version layout version, 1
 * @param owned owned objects
 * @param pending in-doubt creates, each with the ids that existed before it
 */
public record OwnershipFileContent(int version, List<OwnedObject> owned, Map<String, List<String>> pending) {}
