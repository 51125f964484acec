package io.mmsdk.cms.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A reply element the model knows (a family's object or a node's reply) and its fields. */
final class ObjectType {
  final String javaName;
  final String element;
  final Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
  final Set<String> listFields = new LinkedHashSet<>();
  final List<String> paths = new ArrayList<>();
  boolean listed;

  ObjectType(String javaName, String element) {
    this.javaName = javaName;
    this.element = element;
  }

  void addFields(List<Map<String, Object>> more) {
    for (Map<String, Object> f : more) {
      fields.putIfAbsent((String) f.get("name"), f);
    }
  }
}
