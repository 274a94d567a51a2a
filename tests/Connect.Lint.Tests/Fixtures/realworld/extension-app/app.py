from flask import Flask

import restkit

app = Flask(__name__)
api = restkit.Api(app, title="Inventory API")


@app.route("/health")
def health():
    return {"ok": True}
