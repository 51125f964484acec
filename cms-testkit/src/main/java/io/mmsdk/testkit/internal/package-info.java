/** Not API. Implementation of the simulated cluster; may change without notice. */
package io.mmsdk.testkit.internal;
