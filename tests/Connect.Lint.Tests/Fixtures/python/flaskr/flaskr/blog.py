from flask import Blueprint

bp = Blueprint("blog", __name__)


@bp.route("/")
def index():
    return "posts"


@bp.route("/<int:id>/update", methods=("GET", "POST"))
def update(id):
    return "update"
