from flask_api import FlaskAPI

app = FlaskAPI(__name__)


@app.route("/")
def index():
    return {"status": "ok"}
