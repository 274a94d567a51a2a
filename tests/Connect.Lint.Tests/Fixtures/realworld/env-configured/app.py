import os

from flask import Flask

from settings import database_uri

app = Flask(__name__)
# Configured the Connect way: secrets and connection strings are Vars of the content.
app.secret_key = os.environ["SECRET_KEY"]
app.config["DATABASE_URI"] = database_uri()


@app.route("/")
def index():
    return "ok"
