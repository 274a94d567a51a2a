# connect_lint_bridge.environment: the interpreter's versions, locale and standard-library names (what a manifest
# records and what the requirements rules need), without importing anything of the project.
import importlib.util
import locale
import re
import sys

_find_spec = importlib.util.find_spec
_setlocale, _getlocale, _LC_CTYPE = locale.setlocale, locale.getlocale, locale.LC_CTYPE
_re_search, _RE_MULTILINE = re.search, re.MULTILINE


def environment_facts():
    # As the process's environment says, also when embedded in a host that never called setlocale.
    try:
        previous = _setlocale(_LC_CTYPE)
        try:
            _setlocale(_LC_CTYPE, "")
            joined = ".".join(item or "" for item in _getlocale())
        finally:
            _setlocale(_LC_CTYPE, previous)
    except Exception:
        joined = "."
    return {
        "python": "%d.%d.%d" % sys.version_info[:3],
        "version": sys.version,
        "executable": sys.executable,
        "prefix": sys.prefix,
        "pip": _pip_version(),
        "locale": "" if joined == "." else joined,
        "stdlib": sorted(getattr(sys, "stdlib_module_names", ())),
    }


def _pip_version():
    """pip's __version__, read from its source: importing pip or importlib.metadata costs a tenth of a second."""
    try:
        spec = _find_spec("pip")
        if spec is None or not spec.origin:
            return None
        with open(spec.origin, encoding="utf-8") as handle:
            match = _re_search(r"""^__version__\s*=\s*["']([^"']+)["']""", handle.read(), _RE_MULTILINE)
        return match.group(1) if match else None
    except Exception:
        return None
