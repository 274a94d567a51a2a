from flask import Flask

print("x" * 8_000_000)
app = Flask(__name__)
