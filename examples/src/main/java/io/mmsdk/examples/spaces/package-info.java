/** Example: connect to a Call Bridge and list its spaces with paging. */
package io.mmsdk.examples.spaces;
