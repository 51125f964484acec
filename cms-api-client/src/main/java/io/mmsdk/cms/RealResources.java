package io.mmsdk.cms;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.core.CmsElement;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.CmsResources;
import io.mmsdk.cms.core.Form;
import io.mmsdk.cms.core.ListOptions;
import io.mmsdk.cms.core.Page;
import io.mmsdk.cms.core.ResourceList;
import io.mmsdk.cms.core.ResourceType;
import io.mmsdk.cms.internal.PathSegments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/** Generic operations on one {@link ResourceType}; one implementation serves every family. */
final class RealResources implements CmsResources {
  private final RealCmsClient client;
  private final ResourceType type;
  private final String path;

  RealResources(RealCmsClient client, ResourceType type, String path) {
    this.client = client;
    this.type = type;
    this.path = path;
  }

  @Override
  public ResourceType type() {
    return type;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Page page(long offset, int limit, ListOptions options) {
    requireNonNull(options, "options == null");
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException(
          "offset " + offset + " / limit " + limit + " invalid; expected offset >= 0 and limit >= 1");
    }
    Map<String, String> query = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : options.parameters().entrySet()) {
      if (!type.acceptsQueryParameter(e.getKey())) {
        throw new IllegalArgumentException(
            "/" + path + " does not accept the query parameter " + e.getKey() + "; it accepts "
                + (type.queryParameters().isEmpty() ? "none" : type.queryParameters()));
      }
      query.put(e.getKey(), e.getValue());
    }
    query.put("offset", Long.toString(offset));
    query.put("limit", Integer.toString(limit));
    CmsElement root = client.get(path, query);
    if (!root.name().equals(type.listElement())) {
      throw unexpected("GET", "<" + type.listElement() + ">", root.name());
    }
    List<CmsObject> items = new ArrayList<>(root.children().size());
    for (CmsElement child : root.children()) {
      // The root may carry other children (newer servers add summaries); only the family's element is an item.
      if (child.name().equals(type.element())) {
        items.add(CmsObject.of(child));
      }
    }
    String total = root.attributes().get("total");
    long count;
    try {
      count = total == null ? offset + items.size() : Long.parseLong(total.trim());
    } catch (NumberFormatException e) {
      throw unexpected("GET", "a numeric total attribute", "total=\"" + total + "\"");
    }
    return new Page(items, offset, count, root.attributes());
  }

  @Override
  public ResourceList<CmsObject> list(ListOptions options) {
    requireNonNull(options, "options == null");
    int limit = options.pageSize();
    return ResourceList.of(offset -> page(offset, limit, options), small -> page(0, (int) small, options));
  }

  @Override
  public long count(ListOptions options) {
    return page(0, 1, options).total();
  }

  @Override
  public CmsObject get(String id) {
    CmsElement root = client.get(path + "/" + PathSegments.segment(id), Map.of());
    if (!root.name().equals(type.element())) {
      throw unexpected("GET", "<" + type.element() + ">", root.name());
    }
    return CmsObject.of(root);
  }

  @Override
  public Optional<CmsObject> find(String id) {
    try {
      return Optional.of(get(id));
    } catch (CmsNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public String create(Form form) {
    requireNonNull(form, "form == null");
    checkWritable("create");
    RequestExecutor.Reply response = client.post(path, form.parameters());
    CmsRequest request = RequestExecutor.describe("POST", response.url());
    String location = response.headers().get("Location");
    if (location == null) {
      throw RequestExecutor.noLocation(request);
    }
    String trimmed = location.replaceAll("[/\\s]+$", "");
    String id = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    if (id.isEmpty()) {
      throw RequestExecutor.noLocation(request);
    }
    return id;
  }

  @Override
  public void update(String id, Form form) {
    requireNonNull(form, "form == null");
    checkWritable("modify");
    client.put(path + "/" + PathSegments.segment(id), form.parameters());
  }

  @Override
  public void delete(String id) {
    checkWritable("delete");
    client.delete(path + "/" + PathSegments.segment(id), true);
  }

  private void checkWritable(String what) {
    if (!type.isWritable()) {
      throw new IllegalStateException(
          "/" + path + " is read-only in the CMS API; cannot " + what + " its objects");
    }
  }

  private CmsParseException unexpected(String method, String expected, String actual) {
    HttpUrl url = HttpUrl.get(client.apiBase().resolve(path).toString());
    CmsRequest request = RequestExecutor.describe(method, url);
    return new CmsParseException(request, request + ": expected " + expected + " but the reply has "
        + actual + ". Check that the path and the ResourceType match.", true, -1, -1, actual, null);
  }

  @Override
  public String toString() {
    return "CmsResources[/" + path + "]";
  }
}
