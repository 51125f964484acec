#!/usr/bin/env python3
"""One-off extraction of the CMS API model from Cisco's API blueprint (API Blueprint + HTML tables).

Not part of the build or the runtime. It reads the blueprint and the family skeleton below and
prints a JSON model; the reviewed output is committed as cms-api-client/src/main/model/cms-api-model.json,
which is the source of truth from then on. Corrections for defects of the blueprint do not go here:
they go in cms-api-overlay.json, which the generator applies.

usage: extract-model.py BLUEPRINT > cms-api-model.json
"""
import html, json, re, sys

# The families: (name, collection path, list root, element, operations). Operations: list get create
# update delete. Path parameters are written {parentId}. Derived from the blueprint's headings and the
# Postman collection's paths (which the client follows where the two disagree on spelling).
FAMILIES = [
  ("coSpaces", "coSpaces", "coSpaces", "coSpace", "list get create update delete"),
  ("coSpaceUsers", "coSpaces/{coSpaceId}/coSpaceUsers", "coSpaceUsers", "coSpaceUser", "list get create update delete"),
  ("accessMethods", "coSpaces/{coSpaceId}/accessMethods", "accessMethods", "accessMethod", "list get create update delete"),
  ("coSpaceMessages", "coSpaces/{coSpaceId}/messages", None, None, "create"),
  ("coSpaceBulkParameterSets", "coSpaceBulkParameterSets", "cospaceBulkParameterSets", "cospaceBulkParameterSet", "list get create update delete"),
  ("coSpaceBulkSyncs", "coSpaceBulkSyncs", "cospaceBulkSyncs", "cospaceBulkSync", "list get create delete"),
  ("coSpaceTemplates", "coSpaceTemplates", "coSpaceTemplates", "coSpaceTemplate", "list get create update delete"),
  ("accessMethodTemplates", "coSpaceTemplates/{coSpaceTemplateId}/accessMethodTemplates", "accessMethodTemplates", "accessMethodTemplate", "list get create update delete"),
  ("outboundDialPlanRules", "outboundDialPlanRules", "outboundDialPlanRules", "outboundDialPlanRule", "list get create update delete"),
  ("inboundDialPlanRules", "inboundDialPlanRules", "inboundDialPlanRules", "inboundDialPlanRule", "list get create update delete"),
  ("forwardingDialPlanRules", "forwardingDialPlanRules", "forwardingDialPlanRules", "forwardingDialPlanRule", "list get create update delete"),
  ("dialTransforms", "dialTransforms", "dialTransforms", "dialTransform", "list get create update delete"),
  ("calls", "calls", "calls", "call", "list get create update delete"),
  ("callParticipants", "calls/{callId}/participants", "participants", "participant", "list create update delete"),
  ("callCallLegs", "calls/{callId}/callLegs", "callLegs", "callLeg", "list create"),
  ("callProfiles", "callProfiles", "callProfiles", "callProfile", "list get create update delete"),
  ("callLegs", "callLegs", "callLegs", "callLeg", "list get update delete"),
  ("callLegProfiles", "callLegProfiles", "callLegProfiles", "callLegProfile", "list get create update delete"),
  ("layoutTemplates", "layoutTemplates", "layoutTemplates", "layoutTemplate", "list get create delete"),
  ("callBrandingProfiles", "callBrandingProfiles", "callBrandingProfiles", "callBrandingProfile", "list get create update delete"),
  ("dtmfProfiles", "dtmfProfiles", "dtmfProfiles", "dtmfProfile", "list get create update delete"),
  ("ivrs", "ivrs", "ivrs", "ivr", "list get create update delete"),
  ("ivrBrandingProfiles", "ivrBrandingProfiles", "ivrBrandingProfiles", "ivrBrandingProfile", "list get create update delete"),
  ("participants", "participants", "participants", "participant", "list get update"),
  ("participantCallLegs", "participants/{participantId}/callLegs", "callLegs", "callLeg", "list"),
  ("users", "users", "users", "user", "list get"),
  ("userCoSpaces", "users/{userId}/usercoSpaces", "userCoSpaces", "userCoSpace", "list"),
  ("userCoSpaceTemplates", "users/{userId}/userCoSpaceTemplates", "userCoSpaceTemplates", "userCoSpaceTemplate", "list get create delete"),
  ("userProfiles", "userProfiles", "userProfiles", "userProfile", "list get create update delete"),
  ("alarms", "system/alarms", "alarms", "alarm", "list"),
  ("cdrReceivers", "system/cdrReceivers", "cdrReceivers", "cdrReceiver", "list get create update delete"),
  ("activePersonalLicenses", "system/multipartyLicensing/activePersonalLicenses", "activePersonalLicenses", "activePersonalLicense", "list"),
  ("licenseUsage", "system/MPLicenseUsage", "MPLicenseUsage", "entry", "list"),
  ("licenseKnownHosts", "system/MPLicenseUsage/knownHosts", "knownHosts", "host", "list"),
  ("turnServers", "turnServers", "turnServers", "turnServer", "list get create update delete"),
  ("webBridges", "webBridges", "webBridges", "webBridge", "list get create update delete"),
  ("webBridgeProfiles", "webBridgeProfiles", "webBridgeProfiles", "webBridgeProfile", "list get create update delete"),
  ("callBridges", "callBridges", "callBridges", "callBridge", "list get create update delete"),
  ("callBridgeGroups", "callBridgeGroups", "callBridgeGroups", "callBridgeGroup", "list get create update delete"),
  ("recorders", "recorders", "recorders", "recorder", "list get create update delete"),
  ("streamers", "streamers", "streamers", "streamer", "list get create update delete"),
  ("compatibilityProfiles", "compatibilityProfiles", "compatibilityProfiles", "compatibilityProfile", "list get create update delete"),
  ("systemDiagnostics", "system/diagnostics", "diagnostics", "diagnostic", "list get"),
  ("ldapServers", "ldapServers", "ldapServers", "ldapServer", "list get create update delete"),
  ("ldapMappings", "ldapMappings", "ldapMappings", "ldapMapping", "list get create update delete"),
  ("ldapSources", "ldapSources", "ldapSources", "ldapSource", "list get create update delete"),
  ("ldapSyncs", "ldapSyncs", "ldapSyncs", "ldapSync", "list get create delete"),
  ("directorySearchLocations", "directorySearchLocations", "directorySearchLocations", "directorySearchLocation", "list get create update delete"),
  ("ldapUserCoSpaceTemplateSources", "ldapUserCoSpaceTemplateSources", "ldapUserCoSpaceTemplateSources", "ldapUserCoSpaceTemplateSource", "list get create update delete"),
  ("tenants", "tenants", "tenants", "tenant", "list get create update delete"),
  ("tenantGroups", "tenantGroups", "tenantGroups", "tenantGroup", "list get create update delete"),
  ("dialInSecurityProfiles", "dialInSecurityProfiles", "dialInSecurityProfiles", "dialInSecurityProfile", "list get create update delete"),
]

# Single-object nodes and actions: (family or None, name, method, path, reply element or None, kind).
# kind: read (GET one object), modify (PUT form), create (POST form, Location), action (POST, maybe
# Location), query (POST form, 200 with a body), readQuery (GET with query parameters and a body).
NODES = [
  ("coSpaces", "meetingEntryDetail", "GET", "coSpaces/{coSpaceId}/meetingEntryDetail", "meetingEntryDetail", "read"),
  ("coSpaces", "diagnostics", "POST", "coSpaces/{coSpaceId}/diagnostics", None, "action"),
  ("coSpaceMessages", "deleteMessages", "DELETE", "coSpaces/{coSpaceId}/messages", None, "deleteNode"),
  ("calls", "diagnostics", "POST", "calls/{callId}/diagnostics", None, "action"),
  ("callParticipants", "updateAll", "PUT", "calls/{callId}/participants/*", None, "modify"),
  ("callLegs", "generateKeyFrame", "POST", "callLegs/{callLegId}/generateKeyFrame", None, "action"),
  ("callLegs", "cameraControl", "PUT", "callLegs/{callLegId}/cameraControl", None, "modify"),
  ("callLegs", "callLegProfileTrace", "GET", "callLegs/{callLegId}/callLegProfileTrace", "callLegProfileTrace", "read"),
  ("callLegProfiles", "usage", "GET", "callLegProfiles/{callLegProfileId}/usage", "callLegProfileUsage", "read"),
  ("layoutTemplates", "template", "PUT", "layoutTemplates/{layoutTemplateId}/template", None, "modify"),
  ("turnServers", "status", "GET", "turnServers/{turnServerId}/status", "turnServer", "read"),
  ("webBridges", "updateCustomization", "POST", "webBridges/{webBridgeId}/updateCustomization", None, "action"),
  ("webBridges", "status", "GET", "webBridges/{webBridgeId}/status", "webBridge", "read"),
  ("webBridges", "effectiveWebBridgeProfile", "GET", "webBridges/{webBridgeId}/effectiveWebBridgeProfile", "effectiveWebBridgeProfile", "read"),
  ("tenants", "effectiveWebBridgeProfile", "GET", "tenants/{tenantId}/effectiveWebBridgeProfile", "effectiveWebBridgeProfile", "read"),
  ("recorders", "status", "GET", "recorders/{recorderId}/status", "recorder", "read"),
  ("systemDiagnostics", "contents", "GET", "system/diagnostics/{diagnosticId}/contents", "diagnostic", "read"),
  (None, "systemStatus", "GET", "system/status", "status", "read"),
  (None, "systemDatabase", "GET", "system/database", "database", "read"),
  (None, "systemProfiles", "GET", "system/profiles", "profiles", "read"),
  (None, "updateSystemProfiles", "PUT", "system/profiles", None, "modify"),
  (None, "systemEffectiveWebBridgeProfile", "GET", "system/profiles/effectiveWebBridgeProfile", "effectiveWebBridgeProfile", "read"),
  (None, "systemLicensing", "GET", "system/licensing", "licensing", "read"),
  (None, "multipartyLicensing", "GET", "system/multipartyLicensing", "multipartyLicensing", "read"),
  (None, "clusterLicensing", "GET", "clusterLicensing", "clusterLicensing", "read"),
  (None, "xmpp", "GET", "system/configuration/xmpp", "xmpp", "read"),
  (None, "updateXmpp", "PUT", "system/configuration/xmpp", None, "modify"),
  (None, "cluster", "GET", "system/configuration/cluster", "cluster", "read"),
  (None, "createCluster", "POST", "system/configuration/cluster", None, "action"),
  (None, "updateCluster", "PUT", "system/configuration/cluster", None, "modify"),
  (None, "systemLoad", "GET", "system/load", "load", "read"),
  (None, "accessQuery", "POST", "accessQuery", "accessQuery", "query"),
  (None, "uriUsageQuery", "POST", "uriUsageQuery", "uriUsageQuery", "query"),
  (None, "conversationIdQuery", "GET", "conversationIdQuery", "conversationIdQuery", "readQuery"),
]

def text(s):
  s = re.sub(r'<br\s*/?>', ' ', s)
  s = re.sub(r'<li>', ' ', s)
  s = re.sub(r'<[^>]+>', ' ', s)
  return re.sub(r'\s+', ' ', html.unescape(s)).strip()

def norm(path):
  path = re.sub(r'\{\?[^}]*\}', '', path)
  path = re.sub(r'[{<][^}>]*[}>]', '*', path)
  path = path.strip().strip('/').lower().replace('/api/v1/', '')
  path = re.sub(r'^call/', 'calls/', path)
  path = re.sub(r'^participant/', 'participants/', path)
  path = re.sub(r'^dialtransform/', 'dialtransforms/', path)
  return path.rstrip('/')

def classify(type_cell, desc):
  t = re.sub(r'^\s*one of:?\s*', '', text(type_cell), flags=re.I)
  vals = None
  if '|' in t:
    vals = [v.strip() for v in t.split('|') if v.strip()]
  elif t.lower() in ('enum', '') and '|' in desc.split('.')[0]:
    first = desc.split('.')[0]
    m = re.match(r'^\s*([\w]+(?:\s*\|\s*[\w]+)+)', first)
    if m:
      vals = [v.strip() for v in m.group(1).split('|')]
  if vals:
    vals = [v.split()[0] for v in vals if v.split()]
    if sorted(vals) == ['false', 'true']:
      return {"type": "boolean"}
    if all(re.match(r'^[A-Za-z0-9_.<>-]+$', v) for v in vals):
      return {"type": "enum", "values": vals}
  tl = t.lower()
  if tl.startswith('id'):
    return {"type": "id"}
  if tl.startswith('bool') or tl == 'true|false':
    return {"type": "boolean"}
  if tl.startswith('number') or tl.startswith('integer') or tl.startswith('int'):
    return {"type": "integer"}
  if 'timestamp' in tl or 'date' in tl:
    return {"type": "timestamp"}
  return {"type": "string"}

def parse_rows(table_html, prefix=''):
  """Rows of one table; nested tables in a cell become fields below that row's name."""
  fields = []
  # split top-level rows by walking the tags
  depth, i, rows, start = 0, 0, [], None
  for m in re.finditer(r'<(/?)(table|tr)\b[^>]*>', table_html):
    closing, tag = m.group(1), m.group(2)
    if tag == 'table':
      depth += -1 if closing else 1
    elif depth == 1:
      if not closing:
        start = m.end()
      elif start is not None:
        rows.append(table_html[start:m.start()]); start = None
  for row in rows:
    nested = re.search(r'<table.*</table>', row, re.S)
    cells_html = re.sub(r'<table.*</table>', '', row, flags=re.S) if nested else row
    cells = re.findall(r'<t[dh][^>]*>(.*?)(?=<t[dh]|$)', cells_html, re.S)
    cells = [re.sub(r'</t[dh]>.*', '', c, flags=re.S) for c in cells]
    if not cells or re.search(r'<th', row) and not nested:
      continue
    name = text(cells[0])
    if not name or ' ' in name and not name.endswith(' id'):
      if not nested:
        continue
    name = name.split()[0] if name else name
    if nested:
      fields += parse_rows(nested.group(0), prefix + name + '/')
      continue
    if text(cells[0]).endswith(' id'):
      continue  # the id attribute, always present
    desc = text(cells[2]) if len(cells) > 2 else ''
    f = {"name": prefix + name}
    f.update(classify(cells[1] if len(cells) > 1 else '', desc))
    if desc:
      f["description"] = desc
    fields.append(f)
  return fields

def tables(section):
  out = []
  for m in re.finditer(r'<table>.*?</table>(?!\s*</td>)', section, re.S):
    pass
  # take outermost tables by depth counting
  depth, start = 0, None
  for m in re.finditer(r'<(/?)table\b[^>]*>', section):
    if not m.group(1):
      if depth == 0:
        start = m.start()
      depth += 1
    else:
      depth -= 1
      if depth == 0 and start is not None:
        t = section[start:m.end()]
        head = text(' '.join(re.findall(r'<th[^>]*>(.*?)</th>', t[:400], re.S)[:1]))
        out.append((head.lower(), t))
  return out

def mson(blueprint):
  ds = blueprint[blueprint.index('\n# Data Structures'):]
  structs, cur = {}, None
  for line in ds.splitlines():
    m = re.match(r'^## (.+?)\s*(\((\w+)\))?\s*$', line)
    if m:
      cur = m.group(1).strip().lower(); structs[cur] = []; continue
    m = re.match(r'^\+ (\w+)\s*:?\s*(`[^`]*`)?\s*(\(([^)]*)\))?\s*-?\s*(.*)$', line)
    if cur is not None and m:
      typ = (m.group(4) or '').split(',')[0].strip()
      structs[cur].append({"name": m.group(1), "msonType": typ, "description": m.group(5).strip()})
    elif cur is not None and structs[cur] and re.match(r'^    \+ (\w+)', line):
      structs[cur][-1].setdefault("values", []).append(re.match(r'^    \+ (\w+)', line).group(1))
  return structs

def mson_field(f, enums):
  t = f["msonType"].lower()
  out = {"name": f["name"]}
  if f.get("values"):
    out.update({"type": "enum", "values": f["values"]})
  elif t in enums:
    out.update({"type": "enum", "values": enums[t]})
  elif t.startswith('id'):
    out["type"] = "id"
  elif t.startswith('bool'):
    out["type"] = "boolean"
  elif t.startswith('number'):
    out["type"] = "integer"
  else:
    out["type"] = "string"
  if f["description"]:
    out["description"] = f["description"]
  return out

def sample_fields(secs, element):
  names = []
  for s in secs:
    for body in re.findall(r'<\?xml[^>]*\?>(.*?)(?=\n\S|\n\s*\n\s*\+|\Z)', s["text"], re.S):
      m = re.search(r'<' + re.escape(element or '') + r'\b[^>]*>(.*?)</' + re.escape(element or '') + '>', body, re.S | re.I) if element else None
      if not m:
        m = re.search(r'<(\w+)\b[^>]*>(.*)</\1>', body, re.S)
        inner = m.group(2) if m else ''
        one = re.match(r'\s*<(\w+)\b[^>]*>(.*)</\1>\s*$', inner, re.S)
        if one and re.search(r'<\w+', one.group(2)) and m.group(1).lower().rstrip('s') == one.group(1).lower().rstrip('s'):
          inner = one.group(2)
      else:
        inner = m.group(1)
      stack = []
      for t in re.finditer(r'<(/?)(\w+)[^>]*?(/?)>', inner):
        if t.group(1):
          if stack: stack.pop()
          continue
        path = '/'.join(stack + [t.group(2)])
        if not t.group(3):
          stack.append(t.group(2))
        if path not in names:
          names.append(path)
  # keep leaves only
  return [n for n in names if not any(o.startswith(n + '/') for o in names)]

def main():
  bp = open(sys.argv[1], encoding='utf-8').read()
  structs = mson(bp)
  enums = {k: [v["name"] for v in vs] for k, vs in structs.items() if k in ('defaultlayout', 'layouts')}
  body = bp[:bp.index('\n# Data Structures')]
  heads = list(re.finditer(r'^(#{1,4})\s+(.*?)$', body, re.M))
  sections, resource = [], None
  for i, h in enumerate(heads):
    end = heads[i + 1].start() if i + 1 < len(heads) else len(body)
    title = h.group(2)
    m = re.search(r'\[(GET|POST|PUT|DELETE)?\s*([^\]]*)\]\s*$', title)
    method, path = (m.group(1), m.group(2).strip()) if m else (None, '')
    if path.startswith('/'):
      if not method:
        resource = path
    elif m and method and resource:
      path = resource
    elif len(h.group(1)) >= 3 and sections:
      # A sub-heading without a path ("#### Examples") continues the section above it.
      path = sections[-1]["raw"]
      method = sections[-1]["method"]
    else:
      path = None
    filters = []
    if path and '{?' in path:
      filters = [p for p in re.search(r'\{\?([^}]*)\}', path).group(1).split(',') if p not in ('offset', 'limit')]
    sections.append({"method": method, "path": norm(path) if path else None, "raw": path, "filters": filters,
                     "text": body[h.end():end], "title": title})

  def fam_sections(norm_path):
    return [s for s in sections if s["path"] == norm_path]

  families = []
  for name, path, root, element, ops in FAMILIES:
    coll = norm(path)
    item = coll + '/*'
    fam = {"name": name, "path": path}
    parent = re.search(r'\{(\w+)\}', path)
    if parent:
      fam["parent"] = parent.group(1)
    fam["operations"] = ops.split()
    if root:
      fam["listElement"] = root
      fam["element"] = element
    list_fields, get_fields, params, filters = [], [], [], []
    for s in fam_sections(coll) + fam_sections(item):
      for f in s["filters"]:
        if f not in [x["name"] for x in filters]:
          filters.append({"name": f})
      for head, t in tables(s["text"]):
        rows = parse_rows(t)
        if head.startswith('response'):
          (list_fields if s["path"] == coll and s["method"] == 'GET' else get_fields).extend(rows)
        elif head.startswith('parameter'):
          params.extend(rows)
      for a in re.findall(r"\+ Attributes \(([^)]+)\)", s["text"]):
        if s["method"] in ('POST', 'PUT') and a.lower() in structs:
          params.extend(mson_field(f, enums) for f in structs[a.lower()])
      # typed filters from "+ Parameters"
      for pm in re.finditer(r'^\s+\+ (\w+) \(([^),]*)', s["text"], re.M):
        for f in filters:
          if f["name"] == pm.group(1) and "type" not in f:
            f.update(classify(pm.group(2), ''))
    for f in filters:
      f.setdefault("type", "string")
    def dedupe(fs):
      seen, out = set(), []
      for f in fs:
        if f["name"] not in seen:
          seen.add(f["name"]); out.append(f)
      return out
    # Elements of the sample replies that no table names (types from a parameter of the same name).
    samples = sample_fields(fam_sections(coll) + fam_sections(item), element)
    known = {f["name"] for f in get_fields + list_fields}
    by_param = {f["name"]: f for f in params}
    for n in samples:
      if n not in known:
        get_fields.append(dict(by_param.get(n, {"name": n, "type": "string"}), name=n))
    # A get reply carries the object's configured parameters; the blueprint often documents them only once.
    for f in params:
      if f["name"] not in known and f["name"] not in samples and not f["name"].startswith(("regenerate", "remove")):
        get_fields.append(dict(f))
    if root:
      fam["listFilters"] = filters
      fam["listAttributes"] = ["total"]
      fam["listFields"] = [f["name"] for f in dedupe(list_fields)]
      fam["fields"] = dedupe(get_fields + list_fields)
    fam["parameters"] = dedupe(params)
    families.append(fam)
  nodes = []
  for family, name, method, path, reply, kind in NODES:
    n = {"name": name, "method": method, "path": path, "kind": kind}
    if family:
      n["family"] = family
    p = norm(path)
    fields, params = [], []
    for s in sections:
      if s["path"] == p and (s["method"] in (None, method) or kind in ('read', 'readQuery')):
        for head, t in tables(s["text"]):
          rows = parse_rows(t)
          if head.startswith('response') and kind in ('read', 'query', 'readQuery'):
            fields += rows
          elif head.startswith('parameter') and s["method"] == method:
            params += rows
        for a in re.findall(r"\+ Attributes \(([^)]+)\)", s["text"]):
          if a.lower() in structs and method in ('POST', 'PUT'):
            params += [mson_field(f, enums) for f in structs[a.lower()]]
    if reply:
      n["element"] = reply
      known = {f["name"] for f in fields}
      secs = [s for s in sections if s["path"] == p]
      fields += [{"name": x, "type": "string"} for x in sample_fields(secs, reply) if x not in known]
      n["fields"] = list({f["name"]: f for f in fields}.values())
    n["parameters"] = list({f["name"]: f for f in params}.values())
    nodes.append(n)
  # Keep facts only: the blueprint's prose stays in the blueprint; a version note becomes "since".
  def facts(f):
    d = f.pop("description", "")
    m = re.search(r'(?:[Ff]rom|[Pp]resent from|onwards from)\s+(?:version\s+|R)?(\d+\.\d+)', d) or re.search(r'\((\d+\.\d+) onwards\)', d)
    if m:
      f["since"] = m.group(1)
    return f
  for g in families + nodes:
    for k in ("fields", "parameters", "listFilters"):
      if k in g:
        g[k] = [facts(f) for f in g[k]]
  json.dump({"source": "Cisco Meeting Server API blueprint (reference/cms-api-blueprint.apib)",
             "families": families, "nodes": nodes}, sys.stdout, indent=1)
  sys.stdout.write('\n')

main()
