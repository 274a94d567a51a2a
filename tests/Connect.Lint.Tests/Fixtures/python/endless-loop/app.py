from flask import Flask

app = Flask(__name__)
while True:
    pass
