import json

from flask import Flask

# A project that "speeds up" json for everything that comes after it.
json.dumps = lambda *args, **kwargs: "{}"
json.loads = lambda *args, **kwargs: {}

app = Flask(__name__)
app.run()
