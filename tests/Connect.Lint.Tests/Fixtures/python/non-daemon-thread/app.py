import threading
import time

from flask import Flask

app = Flask(__name__)
threading.Thread(target=time.sleep, args=(3600,)).start()
