/** Example: blast dial for one space, with outcomes from CDRs. */
package io.mmsdk.examples.blastdial;
