/** Root package of mm-blastdial. */
package io.mmsdk.blastdial;
