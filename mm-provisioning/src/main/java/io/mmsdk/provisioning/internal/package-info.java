/** Not API. Implementation details of mm-provisioning; may change without notice. */
package io.mmsdk.provisioning.internal;
