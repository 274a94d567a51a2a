import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "")

    from myapp import views

    app.register_blueprint(views.bp)
    return app
