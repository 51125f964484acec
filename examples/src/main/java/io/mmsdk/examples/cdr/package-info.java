/** Example: a standalone CDR receiver that prints meetings as they change. */
package io.mmsdk.examples.cdr;
