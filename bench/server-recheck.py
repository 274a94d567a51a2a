"""Benchmark (e): the language server's re-check after a save that breaks the import, from didSave to the
diagnostics for app.py, with the warm interpreter (fork server, the default on Linux) and with a new Python
process per check (CONNECT_LINT_NO_FORK_SERVER=1), against a bare `python -I -c "import app"` in the same run.
    python3 bench/server-recheck.py TOOL RUNS"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

tool, runs = sys.argv[1], int(sys.argv[2])
python = "/usr/bin/python3"
root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


class Server:
    def __init__(self, directory, environment):
        self.process = subprocess.Popen([tool, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=directory, env=environment)
        self.messages, self.condition = [], threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = stream.read(1)
                if not byte:
                    return
                header += byte
            length = int([l for l in header.decode().split("\r\n") if l.lower().startswith("content-length")][0].split(":")[1])
            message = json.loads(stream.read(length))
            with self.condition:
                self.messages.append(message)
                self.condition.notify_all()

    def send(self, message):
        body = json.dumps(dict(message, jsonrpc="2.0")).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def wait_for(self, matches, timeout=60):
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                for index, message in enumerate(self.messages):
                    if matches(message):
                        return self.messages.pop(index)
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError("no matching message")
                self.condition.wait(remaining)


def diagnostics_for(uri, broken):
    def matches(message):
        if message.get("method") != "textDocument/publishDiagnostics" or message["params"]["uri"] != uri:
            return False
        return any(d["code"] == "CL2002" for d in message["params"]["diagnostics"]) == broken
    return matches


def example_copy():
    """The example in a temporary directory, without its app.run() (which would stand out from a bare import)."""
    directory = tempfile.mkdtemp()
    shutil.copytree(os.path.join(root, "examples", "inventory-api"), directory, dirs_exist_ok=True)
    app = os.path.join(directory, "app.py")
    source = open(app).read().replace("app.run(", "pass  # app.run(")
    open(app, "w").write(source)
    return directory, app, source


def recheck_latencies(warm):
    directory, app, source = example_copy()
    try:
        with open(os.path.join(directory, "pyproject.toml"), "w") as handle:
            handle.write('[tool.connect-lint]\npython = "%s"\n' % python)
        environment = dict(os.environ)
        if not warm:
            environment["CONNECT_LINT_NO_FORK_SERVER"] = "1"
        server = Server(directory, environment)
        uri = "file://" + app
        server.send({"id": 1, "method": "initialize", "params": {"rootUri": "file://" + directory, "capabilities": {}}})
        server.wait_for(lambda m: m.get("id") == 1)
        server.send({"method": "initialized", "params": {}})
        server.send({"method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": source}}})
        server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")  # the first check is done
        time.sleep(1)
        latencies = []
        for round in range(runs + 1):
            for broken in (True, False):
                open(app, "w").write(source + ("\nraise RuntimeError(\"broken by the benchmark, round %d\")\n" % round if broken else ""))
                started = time.perf_counter()
                server.send({"method": "textDocument/didSave", "params": {"textDocument": {"uri": uri}}})
                server.wait_for(diagnostics_for(uri, broken))
                if broken and round > 0:  # round 0 warms up
                    latencies.append(time.perf_counter() - started)
        server.send({"id": 2, "method": "shutdown"})
        server.send({"method": "exit"})
        server.process.wait(timeout=30)
        return statistics.median(latencies)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def bare_import():
    directory, _, _ = example_copy()
    try:
        times = []
        for _ in range(runs + 1):
            started = time.perf_counter()
            subprocess.run([python, "-I", "-c", "import sys; sys.path.insert(0, ''); import app"], cwd=directory, check=True)
            times.append(time.perf_counter() - started)
        return statistics.median(times[1:])
    finally:
        shutil.rmtree(directory, ignore_errors=True)


bare = bare_import()
warm = recheck_latencies(warm=True)
cold = recheck_latencies(warm=False)
print("%-58s %9s %8s %8s" % ("(e) server re-check after a save that breaks the import (median of %d)" % runs, "seconds", "ratio", "aim"))
print("%-58s %9.3f %8.2f %8s" % ("python -I -c 'import app' (baseline)", bare, 1, ""))
print("%-58s %9.3f %8.2f %8s" % ("re-check, warm interpreter (fork server)", warm, warm / bare, "<= 0.150 s"))
print("%-58s %9.3f %8.2f %8s" % ("re-check, new Python process per check", cold, cold / bare, ""))
