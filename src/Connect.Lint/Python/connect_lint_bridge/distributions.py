# connect-lint: what is installed in this interpreter's environment, without importing any of it.
# Prints {"top_level": {import name: [distribution, ...]}, "versions": {distribution: version},
#         "requires": {distribution: [[distribution it requires, specifier], ...]}} (names normalised; requirements
#         under a marker, for an extra or a Python version, are left out: they may not apply).
import json
import os
import re
import sys


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


_REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*\(?([^;)]*)\)?\s*$")


def required(dist):
    found = []
    for requirement in dist.requires or ():
        if ";" in requirement:
            continue  # only with an extra, or only on some Pythons or platforms
        match = _REQUIREMENT.match(requirement)
        if match:
            found.append([normalize(match.group(1)), match.group(2).strip().replace(" ", "")])
    return found


def environment_key():
    """What the answer depends on, cheaply: each directory on sys.path (the project's not yet on it) and when it last
    changed. Installing, upgrading or removing a distribution changes its directory; the tool keeps the last answer
    per interpreter and asks again only when this key differs."""
    key = []
    for entry in sys.path:
        try:
            if type(entry) is str and entry:
                key.append([entry, os.stat(entry).st_mtime_ns])
        except OSError:
            pass
    return key


def installed():
    """What is installed, as the module's header describes (imported here, not at load: it costs ~20 ms)."""
    try:
        from importlib import metadata
    except ImportError:  # Python < 3.8: nothing to say
        metadata = None
    top_level, versions, requires = {}, {}, {}
    for dist in metadata.distributions() if metadata else ():
        name = dist.metadata["Name"]
        if not name:
            continue
        versions[normalize(name)] = dist.version
        try:
            requires[normalize(name)] = required(dist)
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
    return {"top_level": top_level, "versions": versions, "requires": requires}


if __name__ == "__main__":
    json.dump(installed(), sys.stdout)
