#!/usr/bin/env python3
"""Writes the pre-commit mirror repository: the hooks of .pre-commit-hooks.yaml with `language: python`, in a
project that depends on this version's connect-lint wheel, as ruff-pre-commit does for ruff. pre-commit installs
the mirror with pip into a virtualenv of its own, pip takes the wheel from PyPI (or wherever the user's pip
configuration points: PIP_INDEX_URL, PIP_FIND_LINKS), and the hooks run its native binary: no .NET anywhere.

The mirror is made from this repository rather than kept beside it, so its hooks never drift from the dotnet ones;
a release pushes OUT-DIR (tagged v<version>) as github.com/connect-lint/connect-lint-pre-commit.

    build/pre-commit-mirror.py OUT-DIR
"""
import os
import re
import sys

HERE = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))

PYPROJECT = '''# The pre-commit mirror of connect-lint: pre-commit's `language: python` installs this project, and with it the
# connect-lint wheel of the same version (the native binary; no .NET needed).
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "connect-lint-pre-commit"
version = "{version}"
description = "pre-commit hooks for connect-lint (Posit Connect deployment checks for Flask), installed from its wheel"
requires-python = ">=3.8"
dependencies = ["connect-lint=={version}"]

[tool.setuptools]
py-modules = []
packages = []
'''

README = '''# connect-lint-pre-commit

[connect-lint](https://github.com/connect-lint/connect-lint)'s pre-commit hooks, installed from its wheel: pip
puts the native binary into pre-commit's environment, so neither .NET nor a build is needed.

```yaml
repos:
  - repo: https://github.com/connect-lint/connect-lint-pre-commit
    rev: v{version}
    hooks:
      - id: connect-lint
        args: [--python, .venv/bin/python]
```

Hooks: {hooks}. The pre-push hook needs `pre-commit install --hook-type pre-push`.
This repository is written by connect-lint's `build/pre-commit-mirror.py`; change the hooks there.
'''


def tool_version():
    project = open(os.path.join(HERE, "src", "Connect.Lint", "Connect.Lint.csproj"), encoding="utf-8").read()
    return re.search(r"<Version>([^<]+)</Version>", project).group(1)


def python_hooks(text):
    """The hooks file's entries with language: python; the -system variants (a tool already on PATH) are left out."""
    header, *entries = re.split(r"(?m)^(?=- id: )", text)
    kept = [entry for entry in entries if "language: dotnet" in entry]
    comment = ("# connect-lint's hooks, installed from its wheel (pre-commit's language: python; no .NET needed).\n"
               "# Written by build/pre-commit-mirror.py from connect-lint's .pre-commit-hooks.yaml.\n")
    return comment + "".join(entry.replace("language: dotnet", "language: python") for entry in kept)


def main(out):
    version = tool_version()
    hooks = python_hooks(open(os.path.join(HERE, ".pre-commit-hooks.yaml"), encoding="utf-8").read())
    ids = re.findall(r"(?m)^- id: (\S+)", hooks)
    os.makedirs(out, exist_ok=True)
    files = {
        ".pre-commit-hooks.yaml": hooks,
        "pyproject.toml": PYPROJECT.format(version=version),
        "README.md": README.format(version=version, hooks=", ".join("`%s`" % i for i in ids)),
    }
    for name, content in files.items():
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as file:
            file.write(content)
    print(out)


if __name__ == "__main__":
    main(sys.argv[1])
