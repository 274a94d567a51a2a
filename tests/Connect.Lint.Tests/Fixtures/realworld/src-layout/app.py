from flask import Flask

from reporting.render import render_rows

app = Flask(__name__)


@app.route("/")
def index():
    return {"rows": render_rows([])}
