package io.mmsdk.cms.generator;

import static io.mmsdk.cms.generator.Names.pascal;
import static io.mmsdk.cms.generator.Names.singular;

import java.util.Map;

/** The Java names of the model's types: the overlay's names, else derived from the wire names. */
final class TypeNames {
  private final ApiModel model;

  TypeNames(ApiModel model) {
    this.model = model;
  }

  String typeName(String element) {
    return model.typeNames.getOrDefault(element, pascal(element));
  }

  String nodeTypeName(Map<String, Object> node) {
    String family = (String) node.get("family");
    if (family == null) {
      return pascal((String) node.get("name"));
    }
    return ownerPrefix(family) + pascal((String) node.get("name"));
  }

  String ownerPrefix(String familyName) {
    for (Map<String, Object> family : model.families) {
      if (family.get("name").equals(familyName)) {
        String element = (String) family.get("element");
        return element != null ? typeName(element) : pascal(singular(familyName));
      }
    }
    throw new IllegalArgumentException("node names unknown family " + familyName);
  }
}
