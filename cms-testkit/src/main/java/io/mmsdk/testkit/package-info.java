/** Root package of cms-testkit. */
package io.mmsdk.testkit;
