/** Not API. Implementation details of mm-cdr; may change without notice. */
package io.mmsdk.cdr.internal;
