package io.mmsdk.cms.internal;

import io.mmsdk.cms.CmsElement;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/** Retrofit converter that reads replies typed {@link CmsElement} with {@link XmlParser}. */
final class XmlConverterFactory extends Converter.Factory {
  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type != CmsElement.class) {
      return null;
    }
    return (Converter<ResponseBody, CmsElement>) body -> {
      try (body) {
        return XmlParser.parse(body.byteStream());
      }
    };
  }
}
