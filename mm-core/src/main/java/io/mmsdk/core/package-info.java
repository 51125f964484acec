/** Root package of mm-core. */
package io.mmsdk.core;
