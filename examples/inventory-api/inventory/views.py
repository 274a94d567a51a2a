from flask import Blueprint, render_template

bp = Blueprint("inventory", __name__, template_folder="templates")

ITEMS = [{"sku": "A-1", "name": "Widget", "stock": 12}]


@bp.route("/")
def index():
    return render_template("items.html", items=ITEMS)


@bp.route("/<sku>")
def item(sku):
    return next((i for i in ITEMS if i["sku"] == sku), {})
