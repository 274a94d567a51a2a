# connect-lint: what is installed in this interpreter's environment, without importing any of it.
# Prints {"top_level": {import name: [distribution, ...]}, "versions": {distribution: version},
#         "requires": {distribution: [distribution it requires, ...]}} (names normalised; extras-only requirements left out).
import json
import re
import sys

try:
    from importlib import metadata
except ImportError:  # Python < 3.8
    json.dump({"top_level": {}, "versions": {}, "requires": {}}, sys.stdout)
    sys.exit(0)


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


_REQUIREMENT_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def required_names(dist):
    names = []
    for requirement in dist.requires or ():
        if "extra ==" in requirement or "extra==" in requirement:
            continue  # only installed with an extra
        match = _REQUIREMENT_NAME.match(requirement)
        if match:
            names.append(normalize(match.group(1)))
    return names


top_level, versions, requires = {}, {}, {}
for dist in metadata.distributions():
    name = dist.metadata["Name"]
    if not name:
        continue
    versions[normalize(name)] = dist.version
    try:
        requires[normalize(name)] = required_names(dist)
    except Exception:
        requires[normalize(name)] = []
    names = set()
    text = dist.read_text("top_level.txt")
    if text:
        names.update(line.strip() for line in text.splitlines() if line.strip())
    else:
        for path in dist.files or ():
            parts = path.parts
            if not parts or parts[0].endswith((".dist-info", ".egg-info")) or parts[0] == "..":
                continue
            top = parts[0][:-3] if len(parts) == 1 and parts[0].endswith(".py") else parts[0]
            if len(parts) > 1 or parts[0].endswith(".py"):
                names.add(top.split(".")[0])
    for top in names:
        top_level.setdefault(top, [])
        if name not in top_level[top]:
            top_level[top].append(name)

json.dump({"top_level": top_level, "versions": versions, "requires": requires}, sys.stdout)
