from flask import Flask
from reportlib import render

app = Flask(__name__)


@app.route("/")
def index():
    return render("monthly")
