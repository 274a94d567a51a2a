from flask import Flask

import reportkit

app = Flask(__name__)


@app.route("/report")
def report():
    return {"rows": reportkit.render([])}
