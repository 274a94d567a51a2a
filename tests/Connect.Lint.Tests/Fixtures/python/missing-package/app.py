from flask import Flask

import connect_lint_absent_package

app = Flask(__name__)
