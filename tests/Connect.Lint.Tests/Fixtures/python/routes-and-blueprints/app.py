from flask import Blueprint, Flask

app = Flask(__name__)
admin = Blueprint("admin", __name__)


@app.route("/items")
def list_items():
    return "list"


@app.route("/items")
def list_items_again():
    return "never reached"
