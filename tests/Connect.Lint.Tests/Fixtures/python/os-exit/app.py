import os

from flask import Flask

app = Flask(__name__)
os._exit(7)
