import os

from flask import Flask

from config import configs

app = Flask(__name__)
app.config.from_object(configs[os.environ.get("FLASK_CONFIG", "production")])


@app.route("/")
def index():
    return {"status": "ok"}
