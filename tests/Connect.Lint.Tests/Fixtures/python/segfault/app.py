import ctypes

from flask import Flask

app = Flask(__name__)
ctypes.string_at(0)
