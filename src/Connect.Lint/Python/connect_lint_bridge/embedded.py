# connect_lint_bridge.embedded: the embedded host's side of the bridge.
#
# The tool loads this package once into the interpreter inside its own process, before any project code runs, on the
# thread that initialised Python; every deployment is then one call of run_embedded on that same thread (so that
# signal.signal and friends behave as in the process host's main thread). What project code could do to the host
# process is contained: os._exit and os.abort unwind instead of ending it, signal handlers are recorded but never
# installed, and the working directory, sys.path, modules (and what was patched in them), environment and standard
# streams are put back afterwards.
import os
import signal
import sys
import threading
import types

from connect_lint_bridge.main import run
from connect_lint_bridge.safe import SEP, HardExit, fd_sender, loads, os_chdir, os_close, os_dup, os_dup2, os_open, realpath

HOST_THREAD = threading.get_ident()  # the thread that initialised Python: the only one that runs project code
_getcwd, _environ, _current_frames = os.getcwd, os.environ, sys._current_frames
_real_exit, _real_abort, _real_signal, _getsignal = os._exit, os.abort, signal.signal, signal.getsignal
_posix = sys.modules.get("posix")
_Module = types.ModuleType
_STDLIB = frozenset(getattr(sys, "stdlib_module_names", ())) | frozenset(sys.builtin_module_names)
_O_ANSWER = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
_SIGABRT = getattr(signal, "SIGABRT", 6)
_UNBLOCKABLE = {getattr(signal, name) for name in ("SIGKILL", "SIGSTOP") if hasattr(signal, name)}


def forget_runtime_directory(directory):
    """pythonnet appends .NET's runtime directory to sys.path; the process host's interpreter has no such entry."""
    sys.path[:] = [entry for entry in sys.path if entry.rstrip(SEP) != directory.rstrip(SEP)]


def _snapshot():
    return {
        "cwd": _getcwd(), "path": list(sys.path), "meta_path": list(sys.meta_path), "path_hooks": list(sys.path_hooks),
        "modules": dict(sys.modules), "environ": dict(_environ), "streams": (sys.stdin, sys.stdout, sys.stderr),
        "trace": sys.gettrace(), "profile": sys.getprofile(), "recursion": sys.getrecursionlimit(),
        # What a project may patch in a module it does not own (json.dumps = ...): ~1 ms for ~300 modules.
        "attributes": {name: dict(vars(module)) for name, module in list(sys.modules.items()) if type(module) is _Module},
    }


def _restore_attributes(saved):
    """Puts back what was replaced; what was added stays (a package's new submodule is bound as an attribute)."""
    for name, attributes in saved.items():
        module = sys.modules.get(name)
        if type(module) is not _Module:
            continue
        current = vars(module)
        for key, value in attributes.items():
            if current.get(key, _restore_attributes) is not value:
                current[key] = value


def _restore(saved, directory):
    try:
        os_chdir(saved["cwd"])
    except OSError:
        pass
    sys.path[:], sys.meta_path[:], sys.path_hooks[:] = saved["path"], saved["meta_path"], saved["path_hooks"]
    sys.path_importer_cache.clear()
    sys.stdin, sys.stdout, sys.stderr = saved["streams"]
    sys.settrace(saved["trace"])
    sys.setprofile(saved["profile"])
    sys.setrecursionlimit(saved["recursion"])
    sys.dont_write_bytecode = True
    # As in a fresh process: what the import added goes (the deployment's own modules and third-party packages, which
    # the next deployment must import, and be seen importing, afresh); standard-library modules may stay.
    modules = saved["modules"]
    for name, module in list(sys.modules.items()):
        if name not in modules:
            filename = getattr(module, "__file__", None)
            local = type(filename) is str and realpath(filename).startswith(directory + SEP)
            if local or name.partition(".")[0] not in _STDLIB:
                del sys.modules[name]
        elif sys.modules[name] is not modules[name]:
            sys.modules[name] = modules[name]
    for name in modules.keys() - sys.modules.keys():
        sys.modules[name] = modules[name]
    _restore_attributes(saved["attributes"])
    environ = saved["environ"]
    for key in [key for key in _environ if key not in environ]:
        del _environ[key]
    for key, value in environ.items():
        if _environ.get(key) != value:
            _environ[key] = value


def _contain(exits):
    """Replaces what would end or signal the host process for the time of one deployment; returns the undo."""
    recorded = {}

    def hard_exit(code):
        if not isinstance(code, int):
            raise TypeError("an integer is required")
        exits.append(code & 0xFF)
        raise HardExit(code)

    def abort():
        exits.append(-_SIGABRT)  # as the process host reports death by SIGABRT
        raise HardExit(-_SIGABRT)

    def record_signal(number, handler):
        previous = recorded[number] if number in recorded else _getsignal(number)  # validates the number
        if number in _UNBLOCKABLE:
            raise OSError(22, "Invalid argument")
        if handler not in (signal.SIG_DFL, signal.SIG_IGN) and not callable(handler):
            raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
        recorded[number] = handler
        return previous

    os._exit, os.abort, signal.signal = hard_exit, abort, record_signal
    if _posix is not None:
        _posix._exit, _posix.abort = hard_exit, abort

    def undo():
        os._exit, os.abort, signal.signal = _real_exit, _real_abort, _real_signal
        if _posix is not None:
            _posix._exit, _posix.abort = _real_exit, _real_abort
    return undo


def run_embedded(request_json, answer_path):
    """One deployment. Answers go to answer_path as the process host's go to its stdout; returns what os._exit or
    os.abort would have ended the process with, or None."""
    request = loads(request_json)
    directory = realpath(request["directory"])
    exits = []
    answer_fd = os_open(answer_path, _O_ANSWER, 0o600)
    to_answer = fd_sender(answer_fd)

    def send(message):
        if not exits:  # after os._exit the process host's interpreter says nothing more
            to_answer(message)

    saved = _snapshot()
    saved_stdout, saved_stderr = os_dup(1), os_dup(2)  # the tool's own: project code may close or redirect them
    undo = _contain(exits)
    try:
        try:
            sys.stdout.flush()
        except BaseException:
            pass
        os_dup2(2, 1)  # what project code prints goes to stderr, as in the process host
        sys.stdout = sys.stderr
        try:
            run(request, send, watchdog=False)
        except HardExit:
            pass
    finally:
        undo()
        os_dup2(saved_stdout, 1)
        os_dup2(saved_stderr, 2)
        os_close(saved_stdout)
        os_close(saved_stderr)
        _restore(saved, directory)
        os_close(answer_fd)
    return exits[0] if exits else None


def stuck_traceback():
    """Where the import thread is now, as faulthandler prints it (most recent call first): for a timeout."""
    frame = _current_frames().get(HOST_THREAD)
    lines = ["Stack (most recent call first):"]
    while frame is not None:
        lines.append('  File "%s", line %d in %s' % (frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name))
        frame = frame.f_back
    return "\n".join(lines)


def take_late_interrupt():
    """A KeyboardInterrupt sent at a timeout can land after the import ended: it is taken here, not by the next import."""
    try:
        for _ in range(2):
            pass
    except KeyboardInterrupt:
        pass
