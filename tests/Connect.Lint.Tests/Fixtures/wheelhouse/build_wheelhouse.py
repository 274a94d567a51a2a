"""Builds a local wheelhouse for the rehearsal tests: pip installs from it with PIP_NO_INDEX=1 PIP_FIND_LINKS=DIR.

Usage: build_wheelhouse.py DIR

- Debian's Flask and its dependencies, repacked from /usr/lib/python3/dist-packages as pure-Python wheels. Debian's
  egg-info leaves dependencies to dpkg, so each wheel names its requirements here, as Flask 2.2 declares them.
- Small packages built from source with `pip wheel --no-build-isolation` (Debian's setuptools and wheel):
  tinyhelper 1.0 and 2.0, and needs-old-helper 1.0, which requires tinyhelper==1.0 (for a resolver conflict).
- brokenpkg 1.0, a source distribution whose setup.py stops with a reason, as a package whose system library is
  missing does: pip cannot build it.
"""
import base64
import hashlib
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

DEBIAN = "/usr/lib/python3/dist-packages"

# distribution, version, top-level package directory, Requires-Dist lines
REPACKED = [
    ("Flask", "2.2.2", "flask", ["Werkzeug>=2.2.2", "Jinja2>=3.0", "itsdangerous>=2.0", "click>=8.0"]),
    ("Werkzeug", "2.2.2", "werkzeug", ["MarkupSafe>=2.1.1"]),
    ("Jinja2", "3.1.2", "jinja2", ["MarkupSafe>=2.0"]),
    ("MarkupSafe", "2.1.2", "markupsafe", []),
    ("itsdangerous", "2.1.2", "itsdangerous", []),
    ("click", "8.1.3", "click", []),
]

SOURCE_PACKAGES = [
    ("tinyhelper", "1.0", []),
    ("tinyhelper", "2.0", []),
    ("needs-old-helper", "1.0", ["tinyhelper==1.0"]),
]


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (name, digest, len(data))


def repack(out, name, version, package, requires):
    """A py3-none-any wheel of an installed package (compiled speedups left out: each has a pure-Python fallback)."""
    info = "%s-%s.dist-info" % (name, version)
    entries = []
    root = os.path.join(DEBIAN, package)
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for file in sorted(files):
            if file.endswith((".so", ".pyc")):
                continue
            path = os.path.join(directory, file)
            with open(path, "rb") as handle:
                entries.append((os.path.relpath(path, DEBIAN), handle.read()))
    metadata = "Metadata-Version: 2.1\nName: %s\nVersion: %s\n%s" % (
        name, version, "".join("Requires-Dist: %s\n" % r for r in requires))
    entries.append((info + "/METADATA", metadata.encode()))
    entries.append((info + "/WHEEL", b"Wheel-Version: 1.0\nGenerator: connect-lint-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"))
    entries.append((info + "/top_level.txt", (package + "\n").encode()))
    record = "".join(_record_line(n, d) + "\n" for n, d in entries) + info + "/RECORD,,\n"
    entries.append((info + "/RECORD", record.encode()))
    path = os.path.join(out, "%s-%s-py3-none-any.whl" % (name, version))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as wheel:
        for entry, data in entries:
            wheel.writestr(entry, data)


def build_from_source(out, name, version, requires):
    module = name.replace("-", "_")
    with tempfile.TemporaryDirectory() as source:
        os.makedirs(os.path.join(source, module))
        with open(os.path.join(source, module, "__init__.py"), "w") as handle:
            handle.write("VERSION = %r\n" % version)
        with open(os.path.join(source, "setup.py"), "w") as handle:
            handle.write("from setuptools import setup\nsetup(name=%r, version=%r, packages=[%r], install_requires=%r)\n"
                         % (name, version, module, requires))
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index",
                        "--disable-pip-version-check", "-q", "-w", out, source], check=True)


def broken_source_distribution(out, name, version, reason):
    """An sdist (no wheel) whose setup.py exits with the reason, before pip learns its metadata."""
    base = "%s-%s" % (name, version)
    files = {
        base + "/setup.py": "import sys\nsys.exit(%r)\n" % reason,
        base + "/PKG-INFO": "Metadata-Version: 1.0\nName: %s\nVersion: %s\n" % (name, version),
    }
    with tarfile.open(os.path.join(out, base + ".tar.gz"), "w:gz") as archive:
        for path, content in files.items():
            data = content.encode()
            info = tarfile.TarInfo(path)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def main(out):
    os.makedirs(out, exist_ok=True)
    for name, version, package, requires in REPACKED:
        repack(out, name, version, package, requires)
    for name, version, requires in SOURCE_PACKAGES:
        build_from_source(out, name, version, requires)
    broken_source_distribution(out, "brokenpkg", "1.0", "brokenpkg needs the libfoo headers (libfoo-dev): not found")


if __name__ == "__main__":
    main(sys.argv[1])
