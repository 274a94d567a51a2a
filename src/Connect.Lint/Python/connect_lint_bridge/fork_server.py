# connect_lint_bridge.fork_server: many deployments, one interpreter start (the process host, on Linux, when a run
# checks several deployments with the same interpreter).
#
# The server starts like the process host's interpreter, loads what every import loads anyway (Flask and
# werkzeug.serving, which the recorder imports before the project's code), and then forks once per deployment: each
# fork is a fresh process as far as the project can tell, minus the interpreter's start and Flask's import. Requests
# come as JSON lines on stdin ({"id", "request", "answer", "stderr", "argv"}); a forked supervisor forks the
# deployment's process (a session of its own, which the tool kills at its deadline), writes
# {"id", "event": "started", "pid"} and, when it ended, {"id", "event": "ended", "code": exit code, or -signal} to
# the server's stdout; the answer lines go to the "answer" file, what the project prints to the "stderr" file.
import os
import signal
import sys

from connect_lint_bridge.main import run
from connect_lint_bridge.safe import PROTOCOL, dumps, fd_sender, loads, os_close, os_dup, os_dup2, os_open, os_write

_exit = os._exit
_O_WRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC


def _event(channel, message):
    os_write(channel, (dumps(message) + "\n").encode("utf-8"))  # one short write: lines from forks never interleave


def _deployment(message, channel):
    """In the forked deployment process: the process host's main, with its channels in files."""
    os.setsid()
    os_close(channel)  # a process the project leaves behind must not hold the server's event channel open
    answer = os_open(message["answer"], _O_WRITE, 0o600)
    output = os_open(message["stderr"], _O_WRITE, 0o600)
    nothing = os_open(os.devnull, os.O_RDONLY)
    os_dup2(nothing, 0)
    os_dup2(output, 1)
    os_dup2(output, 2)
    for descriptor in (nothing, output):
        os_close(descriptor)
    sys.stdout = sys.stderr
    sys.argv[:] = message["argv"]
    run(message["request"], fd_sender(answer), watchdog=True)
    try:
        sys.stderr.flush()
    except BaseException:
        pass
    _exit(0)


def _supervise(message, channel):
    """In the forked supervisor: starts the deployment's process, says when it started and how it ended."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    child = os.fork()
    if child == 0:
        try:
            _deployment(message, channel)
        finally:
            _exit(70)
    _event(channel, {"id": message["id"], "event": "started", "pid": child})
    _, status = os.waitpid(child, 0)
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    _event(channel, {"id": message["id"], "event": "ended", "code": code})


def server_main():
    channel = os_dup(1)
    os_dup2(2, 1)
    sys.stdout = sys.stderr
    preloaded = set(sys.modules)
    for name in ("flask", "werkzeug.serving"):
        try:
            __import__(name)
        except Exception:
            pass
    preloaded = sorted({name.split(".")[0] for name in set(sys.modules) - preloaded})
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the supervisors
    # Where its modules come from: a change there (a pip install) makes what it preloaded stale.
    path = sorted({os.path.abspath(entry) for entry in sys.path if entry and os.path.isdir(entry)})
    _event(channel, {"event": "ready", "protocol": PROTOCOL, "preloaded": preloaded, "path": path})
    for line in sys.stdin.buffer:
        message = loads(line)
        if os.fork() == 0:
            try:
                _supervise(message, channel)
            finally:
                _exit(0)
    _exit(0)
