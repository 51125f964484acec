/** Root package of cms-api-client. */
package io.mmsdk.cms;
