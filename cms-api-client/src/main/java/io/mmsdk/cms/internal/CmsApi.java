package io.mmsdk.cms.internal;

import io.mmsdk.cms.CmsElement;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.DELETE;
import retrofit2.http.FieldMap;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.QueryMap;
import retrofit2.http.Url;

/** The CMS REST API as Retrofit sees it: paths are relative to {@code /api/v1/}. */
interface CmsApi {
  @GET
  Call<CmsElement> get(@Url String path, @QueryMap Map<String, String> query);

  @FormUrlEncoded
  @POST
  Call<Void> post(@Url String path, @FieldMap Map<String, String> form);

  @FormUrlEncoded
  @POST
  Call<CmsElement> postForBody(@Url String path, @FieldMap Map<String, String> form);

  @POST
  Call<Void> postEmpty(@Url String path);

  @FormUrlEncoded
  @PUT
  Call<Void> put(@Url String path, @FieldMap Map<String, String> form);

  @DELETE
  Call<Void> delete(@Url String path);
}
