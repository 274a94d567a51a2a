from flask import Flask, jsonify

from inventory.views import bp

app = Flask(__name__)
app.register_blueprint(bp, url_prefix="/items")


@app.route("/health")
def health():
    return jsonify(status="ok")


app.run(debug=True)
