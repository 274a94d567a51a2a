# connect_lint_bridge.safe: what every other module of the bridge writes and reads with, taken before user code runs.
#
# User code runs in this interpreter, so the standard library is imported here, before the project's directory is
# on sys.path (a project's json.py, ast.py or locale.py cannot stand in for ours), and the functions the bridge
# calls are kept in private names (a module that patches json.dumps or os.write cannot change or hide the answer).
import json
import os
import stat
import sys

PROTOCOL = 1  # the request's and the answers' version; bridge-answer.schema.json describes the answers
sys.dont_write_bytecode = True  # never leave __pycache__ behind in the user's project

dumps, loads = json.dumps, json.loads
os_write, os_open, os_read, os_close, os_fstat = os.write, os.open, os.read, os.close, os.fstat
os_dup, os_dup2, os_chdir = os.dup, os.dup2, os.chdir
realpath, relpath, join, isabs, SEP = os.path.realpath, os.path.relpath, os.path.join, os.path.isabs, os.sep
_S_ISREG = stat.S_ISREG
_O_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
MAX_TEXT = 4000  # a user exception's message is cut here: it is a one-line diagnostic, not a log


def text(value):
    """str() of a user object, which may raise, lie about its type or be enormous."""
    try:
        shown = str(value)
        if type(shown) is not str:
            raise TypeError
    except BaseException:
        try:
            shown = "<unprintable %s>" % type(value).__name__
        except BaseException:
            shown = "<unprintable>"
    return shown if len(shown) <= MAX_TEXT else shown[:MAX_TEXT] + "…"


def encode(message):
    return dumps(message, default=text) + "\n"


def fd_sender(answer_fd):
    def send(message):
        view = memoryview(encode(message).encode("utf-8", "surrogateescape"))
        while view:
            written = os_write(answer_fd, view)
            view = view[written:]
    return send


def read_regular_file(path):
    """The bytes of a regular file; None for anything else (opening a FIFO must not block the bridge)."""
    descriptor = os_open(path, _O_READ)
    try:
        if not _S_ISREG(os_fstat(descriptor).st_mode):
            return None
        chunks = []
        while True:
            chunk = os_read(descriptor, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os_close(descriptor)


class HardExit(BaseException):
    """os._exit or os.abort in the embedded host: the process host's interpreter would end here, ours unwinds."""
