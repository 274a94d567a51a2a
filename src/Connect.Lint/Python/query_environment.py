# connect-lint: asks the project's interpreter what rsconnect-python would record for it.
# Runs with -I (isolated); prints one JSON object on stdout. Never imports user code.
import json
import locale
import sys


def pip_version():
    try:
        from importlib import metadata
    except ImportError:  # Python < 3.8
        return None
    try:
        return metadata.version("pip")
    except Exception:
        return None


def default_locale():
    # rsconnect-python joins locale.getlocale() with "." (empty when both parts are unknown).
    try:
        result = ".".join(item or "" for item in locale.getlocale())
    except Exception:
        result = "."
    return "" if result == "." else result


v = sys.version_info
json.dump(
    {
        "protocol": 1,
        "python": "%d.%d.%d" % (v[0], v[1], v[2]),
        "pip": pip_version(),
        "locale": default_locale(),
        "executable": sys.executable,
        "prefix": sys.prefix,
    },
    sys.stdout,
)
