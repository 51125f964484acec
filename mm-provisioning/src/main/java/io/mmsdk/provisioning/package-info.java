/** Root package of mm-provisioning. */
package io.mmsdk.provisioning;
