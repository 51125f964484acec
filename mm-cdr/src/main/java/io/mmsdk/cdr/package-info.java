/** Root package of mm-cdr. */
package io.mmsdk.cdr;
