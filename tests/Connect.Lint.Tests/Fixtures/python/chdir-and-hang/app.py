import os
import time

from flask import Flask

app = Flask(__name__)
os.chdir("/")
while True:  # waits for a service that never comes, and will not be interrupted
    try:
        time.sleep(0.05)
    except BaseException:
        pass
