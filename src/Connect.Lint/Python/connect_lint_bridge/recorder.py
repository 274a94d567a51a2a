# connect_lint_bridge.recorder: watches the import of user code: app.run()/run_simple calls (replaced, so they
# never block), Blueprints created and registered, and where in the deployment's own code each happened.
import os
import sys

from connect_lint_bridge.safe import SEP, realpath, relpath

_getframe = sys._getframe
_INHERITED = object()  # marks a patched name the class only inherited: uninstalling deletes it


def _flag(value):
    return None if value is None else bool(value)


def traceback_frames(error):
    frames = []
    tb = error.__traceback__
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_filename, tb.tb_lineno))
        tb = tb.tb_next
    return frames


def is_installed_code(real_path):
    """True for a file of an installed distribution (in a site-packages or dist-packages directory), wherever it is."""
    return (SEP + "site-packages" + SEP) in real_path or (SEP + "dist-packages" + SEP) in real_path


class Recorder:
    def __init__(self, directory):
        self.directory = realpath(directory)
        self.runs = []
        self.registrations = []
        self.blueprints = {}
        self.originals = []

    def user_frame(self, frames):
        """The innermost frame in the deployment's own code, as {"file": relative path, "line": n}: a virtual
        environment inside the project (.venv/lib/.../site-packages) is installed code, not the deployment's."""
        chosen = None
        for filename, line in frames:
            real = realpath(filename) if filename and not filename.startswith("<") else ""
            if real.startswith(self.directory + SEP) and not is_installed_code(real):
                chosen = {"file": relpath(real, self.directory).replace(SEP, "/"), "line": line or 1}
        return chosen

    def caller(self):
        frame = _getframe(2)
        frames = []
        while frame is not None:
            frames.append((frame.f_code.co_filename, frame.f_lineno))
            frame = frame.f_back
        frames.reverse()
        return self.user_frame(frames)

    def install(self):
        """Replace app.run()/run_simple and watch blueprints, before the user's module is imported."""
        try:
            import flask
            import werkzeug.serving
        except Exception:
            return False
        recorder = self

        def fake_run(self_app, *args, **kwargs):
            recorder.runs.append({"call": "run", "where": recorder.caller(), "debug": _flag(kwargs.get("debug"))})

        def fake_run_simple(*args, **kwargs):
            recorder.runs.append({"call": "run_simple", "where": recorder.caller(), "debug": _flag(kwargs.get("use_debugger"))})

        for owner, name in ((flask.Flask, "run"), (werkzeug.serving, "run_simple"), (flask.Blueprint, "__init__"),
                            (flask.Flask, "register_blueprint"), (flask.Blueprint, "register_blueprint")):
            self.originals.append((owner, name, vars(owner).get(name, _INHERITED)))
        flask.Flask.run = fake_run
        werkzeug.serving.run_simple = fake_run_simple

        original_init = flask.Blueprint.__init__

        def blueprint_init(self_bp, *args, **kwargs):
            original_init(self_bp, *args, **kwargs)
            recorder.blueprints[id(self_bp)] = {"name": self_bp.name, "where": recorder.caller(), "object": self_bp}

        flask.Blueprint.__init__ = blueprint_init

        def wrap_register(owner):
            original = owner.register_blueprint

            def register_blueprint(self_owner, blueprint, **options):
                recorder.registrations.append({
                    "blueprint": getattr(blueprint, "name", None),
                    "id": id(blueprint),
                    "owner": getattr(self_owner, "name", None),
                    "owner_is_app": isinstance(self_owner, flask.Flask),
                    "url_prefix": options.get("url_prefix", getattr(blueprint, "url_prefix", None)),
                    "where": recorder.caller(),
                })
                return original(self_owner, blueprint, **options)

            owner.register_blueprint = register_blueprint

        wrap_register(flask.Flask)
        wrap_register(flask.Blueprint)
        return True

    def uninstall(self):
        for owner, name, original in reversed(self.originals):
            if original is _INHERITED:
                delattr(owner, name)
            else:
                setattr(owner, name, original)
        self.originals = []


_Environ = type(os.environ)


class _WatchedEnviron(_Environ):
    """os.environ while the import runs: which variables it read (get, [], in, getenv), or that it read them all, and
    which the project's own code read, and read while they were unset (a KeyError of one of those is a Var Connect
    must set)."""
    reads = set()
    unset = set()
    by_project = set()
    project = None
    read_all = False

    def __getitem__(self, key):
        _WatchedEnviron.reads.add(key)
        by_project = bool(_WatchedEnviron.project) and type(key) is str and _read_by_project()
        if by_project:
            _WatchedEnviron.by_project.add(key)
        try:
            return _Environ.__getitem__(self, key)
        except KeyError:
            if by_project:
                _WatchedEnviron.unset.add(key)  # the project's own read: what the standard library probes is not a Var
            raise

    def __contains__(self, key):
        _WatchedEnviron.reads.add(key)
        return _Environ.__contains__(self, key)

    def __iter__(self):
        _WatchedEnviron.read_all = True
        return _Environ.__iter__(self)


def _read_by_project():
    """True when the code reading os.environ is the project's own (its first frame outside os, Mapping and this module)."""
    try:
        # os and Mapping are frozen modules in 3.11 ("<frozen os>"): every "<...>" frame is one of them or a builtin's.
        not_callers = (os.__file__, _read_by_project.__code__.co_filename)
        frame = sys._getframe(2)
        while frame is not None and (frame.f_code.co_filename in not_callers or frame.f_code.co_filename.startswith("<")):
            frame = frame.f_back
        filename = frame.f_code.co_filename if frame is not None else ""
        return os.path.isabs(filename) and realpath(filename).startswith(_WatchedEnviron.project)
    except Exception:
        return False


def watch_environ(directory=None):
    """Starts recording the environment variables user code reads; returns the stop, which says their names (sorted),
    or None when it read them all or replaced os.environ (then the answer depends on the whole environment)."""
    environ = os.environ
    _WatchedEnviron.reads, _WatchedEnviron.unset, _WatchedEnviron.read_all = set(), set(), False
    _WatchedEnviron.by_project, _WatchedEnviron.project = set(), (realpath(directory) + SEP) if directory else None
    try:
        environ.__class__ = _WatchedEnviron
    except TypeError:
        return lambda: None

    def stop():
        try:
            environ.__class__ = _Environ
        except TypeError:
            return None
        if os.environ is not environ or _WatchedEnviron.read_all:
            return None
        return sorted(name for name in _WatchedEnviron.reads if type(name) is str)
    return stop


def unset_reads():
    """The variables the project's code read while they were unset during the last watched import (sorted)."""
    return sorted(name for name in _WatchedEnviron.unset if type(name) is str)


def project_reads():
    """The variables the project's own code read during the last watched import (sorted): the Vars it expects."""
    return sorted(_WatchedEnviron.by_project)


def declare_vars(names):
    """Sets each declared Var the environment lacks to a placeholder, as Connect will set it (the value is never sent)."""
    for name in names or ():
        if type(name) is str and name and name not in os.environ:
            os.environ[name] = VAR_PLACEHOLDER


VAR_PLACEHOLDER = "connect-lint-placeholder"


_watching_files = [None]  # while an import is watched: (opened paths, listed directories, paths left out)


def _audit(event, args):
    watched = _watching_files[0]
    if watched is None or event not in ("open", "os.listdir", "os.scandir"):
        return
    try:
        path = args[0]
        if type(path) is bytes:
            path = os.fsdecode(path)
        if type(path) is not str or not path:
            return  # a file descriptor, or nothing
        path = os.path.abspath(path)
        if not path.startswith(watched[2]):
            (watched[0] if event == "open" else watched[1]).add(path)
    except Exception:
        pass


def watch_files(environment_directories):
    """Starts recording which files and directories user code opens or lists (audit hooks, Python 3.8+), leaving out
    the environment's own (its directories are the packages' key); returns the stop, which says
    {"opened": [...], "listed": [...]}, or None when this Python cannot tell."""
    if not hasattr(sys, "addaudithook"):
        return lambda: None
    if not getattr(watch_files, "hooked", False):
        sys.addaudithook(_audit)  # for the process's life: it does nothing unless an import is watched
        watch_files.hooked = True
    left_out = tuple(os.path.join(os.path.abspath(d), "") for d in environment_directories if type(d) is str and d)
    _watching_files[0] = (set(), set(), left_out)

    def stop():
        opened, listed, _ = _watching_files[0]
        _watching_files[0] = None
        return {"opened": sorted(opened), "listed": sorted(listed)}
    return stop
