import signal

from flask import Flask

app = Flask(__name__)


def stop(signum, frame):
    raise SystemExit(0)


# Allowed only in Python's main thread: Connect's server imports the app there.
signal.signal(signal.SIGTERM, stop)


@app.route("/")
def index():
    return "ok"
