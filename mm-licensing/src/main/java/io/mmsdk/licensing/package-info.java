/** Root package of mm-licensing. */
package io.mmsdk.licensing;
