import os
import sys

from flask import Flask

# A daemon-style module that detaches from the terminal when imported.
sys.stdout.flush()
os.close(1)
os.close(2)
devnull = os.open(os.devnull, os.O_WRONLY)
os.dup2(devnull, 2)

app = Flask(__name__)
