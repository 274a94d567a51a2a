"""connect-lint's Python bridge: runs inside the project's own interpreter and answers with facts.

The tool embeds these modules and sends them as one ``-c`` script (see BridgeScript.cs), which builds this package
in memory; on disk it is a plain package so that ruff, pyright and pytest can read it (tests/bridge).
"""
