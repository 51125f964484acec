/**
 * Build-time generator of cms-api-client's typed layer from the API model
 * ({@code cms-api-model.json} and its overlay). It runs as an annotation processor while
 * cms-api-client compiles; it is never on a user's runtime class path. Not API.
 */
package io.mmsdk.cms.generator;
