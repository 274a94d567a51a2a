#!/usr/bin/env python3
"""Writes the wheel Python users install (pip, pipx): the Native AOT binary of the linux-x64 tool package, as ruff
and uv ship theirs. The binary goes to the scripts directory (pip puts it on PATH as it is: no Python starts before
it), the embedded host's framework-dependent companion (it needs .NET) to share/connect-lint/, where the binary
looks for it, and a small package so that `python -m connect_lint` runs the same binary.

The platform tag is the one the binary really needs: manylinux_2_<N>_x86_64, N the newest GLIBC_2.N symbol version it
references.

    build/wheel.py PATH-TO-Connect.Lint.linux-x64.<version>.nupkg OUT-DIR
"""
import base64
import hashlib
import re
import sys
import zipfile

TOOL_DIR = "tools/any/linux-x64/"

MAIN = '''"""`python -m connect_lint`: runs the connect-lint binary this wheel installed into the scripts directory."""
import os
import sys
import sysconfig


def main():
    binary = os.path.join(sysconfig.get_path("scripts"), "connect-lint")
    if not os.path.isfile(binary):
        sys.exit("connect-lint: the binary is missing from %s; reinstall the wheel" % os.path.dirname(binary))
    os.execv(binary, [binary, *sys.argv[1:]])


if __name__ == "__main__":
    main()
'''


def glibc_tag(binary):
    """manylinux_2_N_x86_64 for the newest GLIBC_2.N version the binary's symbols name."""
    versions = [int(m.group(1)) for m in re.finditer(rb"GLIBC_2\.(\d+)", binary)]
    return "manylinux_2_%d_x86_64" % max(versions or [17])


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (name, digest, len(data))


def main(nupkg, out):
    version = re.search(r"\.(\d+\.\d+\.\d+(?:[-.][0-9A-Za-z.]+)?)\.nupkg$", nupkg).group(1)
    with zipfile.ZipFile(nupkg) as package:
        binary = package.read(TOOL_DIR + "connect-lint")
        companion = {n[len(TOOL_DIR + "embedded/"):]: package.read(n) for n in package.namelist()
                     if n.startswith(TOOL_DIR + "embedded/") and not n.endswith("/") and not n.endswith(".pdb")}
    tag = "py3-none-" + glibc_tag(binary)
    dist = "connect_lint-%s" % version
    files = [
        ("connect_lint/__init__.py", b'"""connect-lint: Posit Connect deployment checks for Flask (the native binary lives in the scripts directory)."""\n__version__ = "%s"\n' % version.encode(), 0o644),
        ("connect_lint/__main__.py", MAIN.encode(), 0o644),
        ("%s.data/scripts/connect-lint" % dist, binary, 0o755),
    ]
    files += [("%s.data/data/share/connect-lint/embedded/%s" % (dist, name), data, 0o644) for name, data in sorted(companion.items())]
    metadata = ("Metadata-Version: 2.1\nName: connect-lint\nVersion: %s\n"
                "Summary: Checks Flask deployments for Posit Connect before the push (manifest, entrypoint, requirements, Git, security)\n"
                "License: MIT\nRequires-Python: >=3.8\n" % version).encode()
    wheel = ("Wheel-Version: 1.0\nGenerator: connect-lint build/wheel.py\nRoot-Is-Purelib: false\nTag: %s\n" % tag).encode()
    files += [("%s.dist-info/METADATA" % dist, metadata, 0o644), ("%s.dist-info/WHEEL" % dist, wheel, 0o644)]
    records = [record_line(name, data) for name, data, _ in files] + ["%s.dist-info/RECORD,," % dist]
    files.append(("%s.dist-info/RECORD" % dist, ("\n".join(records) + "\n").encode(), 0o644))

    path = "%s/%s-%s.whl" % (out.rstrip("/"), dist, tag)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data, mode in files:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16  # pip keeps the executable bit
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    print(path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
