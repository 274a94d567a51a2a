# The bridge's package as the tool embeds it, read from the source tree (src/Connect.Lint/Python/connect_lint_bridge).
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "src", "Connect.Lint", "Python"))
