# connect-lint's Python bridge: runs inside the project's own interpreter and answers with facts.
#
# Protocol (version 1): argv[1] is a JSON request {"directory", "entrypoint", "sources", "timeout"}.
# Answers are JSON lines written to the process's original stdout: first {"kind": "static", ...}
# (from `ast`, no user code run), then {"kind": "import", ...} after importing the entrypoint the
# way Connect does. While user code runs, fd 1 points at stderr, so nothing it prints can corrupt the
# answer. A hard exit or a hang after the static line still leaves the static facts with the caller.
#
# User code runs in this interpreter, so everything the script needs from the standard library is imported
# here, before the project's directory is on sys.path (a project's json.py, ast.py or locale.py cannot stand
# in for ours), and the functions it calls are kept in private names (a module that patches json.dumps or
# os.write cannot change or hide the answer).
import ast
import faulthandler
import importlib
import importlib.util
import inspect
import json
import locale
import os
import re
import stat
import sys

PROTOCOL = 1
sys.dont_write_bytecode = True  # never leave __pycache__ behind in the user's project

_dumps, _loads = json.dumps, json.loads
_os_write, _os_open, _os_read, _os_close, _os_fstat = os.write, os.open, os.read, os.close, os.fstat
_os_dup, _os_dup2, _os_chdir = os.dup, os.dup2, os.chdir
_realpath, _relpath, _join, _SEP = os.path.realpath, os.path.relpath, os.path.join, os.sep
_S_ISREG = stat.S_ISREG
_getframe = sys._getframe
_import_module, _spec_from_file_location, _module_from_spec, _find_spec = (
    importlib.import_module, importlib.util.spec_from_file_location, importlib.util.module_from_spec, importlib.util.find_spec)
_signature, _isfunction, _isclass = inspect.signature, inspect.isfunction, inspect.isclass
_ast_parse, _ast_walk, _ast_dump, _literal_eval = ast.parse, ast.walk, ast.dump, ast.literal_eval
_setlocale, _getlocale, _LC_CTYPE = locale.setlocale, locale.getlocale, locale.LC_CTYPE
_re_search, _RE_MULTILINE = re.search, re.MULTILINE
_MAX_TEXT = 4000  # a user exception's message is cut here: it is a one-line diagnostic, not a log


def _encode(message):
    return _dumps(message, default=_text) + "\n"


def _text(value):
    """str() of a user object, which may raise, lie about its type or be enormous."""
    try:
        text = str(value)
        if type(text) is not str:
            raise TypeError
    except BaseException:
        try:
            text = "<unprintable %s>" % type(value).__name__
        except BaseException:
            text = "<unprintable>"
    return text if len(text) <= _MAX_TEXT else text[:_MAX_TEXT] + "…"


def _fd_sender(answer_fd):
    def send(message):
        view = memoryview(_encode(message).encode("utf-8", "surrogateescape"))
        while view:
            written = _os_write(answer_fd, view)
            view = view[written:]
    return send


def _read_regular_file(path):
    """The bytes of a regular file; None for anything else (opening a FIFO must not block the bridge)."""
    descriptor = _os_open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not _S_ISREG(_os_fstat(descriptor).st_mode):
            return None
        chunks = []
        while True:
            chunk = _os_read(descriptor, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        _os_close(descriptor)


# ---------------------------------------------------------------- static facts (ast, nothing run)

def _call_name(node):
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _is_main_guard(node):
    test = getattr(node, "test", None)
    return (
        isinstance(node, ast.If)
        and isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
    )


def _literal(node):
    try:
        return _literal_eval(node)
    except Exception:
        return None


def _position(node):
    return {
        "line": node.lineno,
        "column": node.col_offset + 1,
        "end_line": getattr(node, "end_lineno", None) or node.lineno,
        "end_column": (getattr(node, "end_col_offset", None) or node.col_offset) + 1,
    }


def static_facts(path, relative):
    facts = {"file": relative, "imports": [], "module_level_runs": [], "blueprints": [],
             "registrations": [], "flask_apps": [], "syntax_error": None}
    try:
        source = _read_regular_file(path)
        if source is None:
            facts["syntax_error"] = {"message": "not a regular file: not read", "line": 1, "column": 1}
            return facts
        tree = _ast_parse(source, filename=path)
    except SyntaxError as error:
        facts["syntax_error"] = {"message": error.msg, "line": error.lineno or 1, "column": error.offset or 1}
        return facts
    except (OSError, ValueError) as error:
        facts["syntax_error"] = {"message": _text(error), "line": 1, "column": 1}
        return facts

    guarded = set()
    optional = set()  # imports that may fail on purpose: in a try body, or under TYPE_CHECKING
    for node in _ast_walk(tree):
        if _is_main_guard(node):
            for child in _ast_walk(node):
                guarded.add(id(child))
        elif isinstance(node, ast.Try):
            for statement in node.body:
                for child in _ast_walk(statement):
                    optional.add(id(child))
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in _ast_dump(node.test):
            for statement in node.body:
                for child in _ast_walk(statement):
                    optional.add(id(child))
    top_level = set()
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        for child in _ast_walk(statement):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            top_level.add(id(child))

    for node in _ast_walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                facts["imports"].append(dict(module=alias.name, level=0, optional=id(node) in optional, **_position(node)))
        elif isinstance(node, ast.ImportFrom):
            facts["imports"].append(dict(module=node.module or "", level=node.level, optional=id(node) in optional,
                                         names=[a.name for a in node.names], **_position(node)))
        elif isinstance(node, ast.Call):
            name = _call_name(node)
            if name in ("run", "run_simple") and id(node) in top_level and id(node) not in guarded:
                facts["module_level_runs"].append(dict(call=name, **_position(node)))
            elif name == "Blueprint" and node.args:
                facts["blueprints"].append(dict(name=_literal(node.args[0]), **_position(node)))
            elif name == "register_blueprint":
                prefix = None
                for keyword in node.keywords:
                    if keyword.arg == "url_prefix":
                        prefix = _literal(keyword.value)
                facts["registrations"].append(dict(url_prefix=prefix, **_position(node)))
            elif name == "Flask":
                facts["flask_apps"].append(_position(node))
    return facts


# ---------------------------------------------------------------- import facts (user code runs)

def _flag(value):
    return None if value is None else bool(value)


_INHERITED = object()  # marks a patched name the class only inherited: uninstalling deletes it


class Recorder:
    def __init__(self, directory):
        self.directory = _realpath(directory)
        self.runs = []
        self.registrations = []
        self.blueprints = {}
        self.originals = []

    def user_frame(self, frames):
        """The innermost frame in the deployment's own code, as {"file": relative path, "line": n}."""
        chosen = None
        for filename, line in frames:
            real = _realpath(filename) if filename and not filename.startswith("<") else ""
            if real.startswith(self.directory + _SEP):
                chosen = {"file": _relpath(real, self.directory).replace(_SEP, "/"), "line": line or 1}
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


def _traceback_frames(error):
    frames = []
    tb = error.__traceback__
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_filename, tb.tb_lineno))
        tb = tb.tb_next
    return frames


def _import_entry_module(directory, module_name):
    if all(part.isidentifier() for part in module_name.split(".")):
        return _import_module(module_name)
    # A file name that is not an identifier (my-app.py): import it by path, as Connect can.
    path = _join(directory, *module_name.split(".")) + ".py"
    spec = _spec_from_file_location(module_name.replace("-", "_"), path)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError("No module named %r" % module_name, name=module_name)
    module = _module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _is_flask_app(value):
    try:
        import flask
        return isinstance(value, flask.Flask)
    except Exception:
        return False


def _wsgi_shape(value):
    """'app' for a WSGI application, 'factory' for a no-argument callable, 'factory-needs-args', or 'other'."""
    if _is_flask_app(value):
        return "app"
    if not callable(value):
        return "other"
    target = value if _isfunction(value) or _isclass(value) else getattr(value, "__call__", value)
    try:
        signature = _signature(target)
    except (TypeError, ValueError):
        return "app"
    try:
        signature.bind({}, lambda *a: None)
        two_args = True
    except TypeError:
        two_args = False
    try:
        signature.bind()
        no_args = True
    except TypeError:
        no_args = False
    if _isfunction(value) and no_args:
        return "factory"
    if two_args and not _isclass(value):
        return "app"
    return "factory-needs-args" if _isfunction(value) else "other"


def _candidates(module):
    found = []
    for name, value in sorted(vars(module).items()):
        if name.startswith("_"):
            continue
        if _is_flask_app(value):
            found.append({"name": name, "kind": "app"})
        elif name in ("create_app", "make_app") and callable(value):
            found.append({"name": name, "kind": "factory"})
    return found


def _app_facts(app, recorder):
    rules = []
    for rule in app.url_map.iter_rules():
        methods = sorted(m for m in (rule.methods or ()) if m not in ("HEAD", "OPTIONS"))
        endpoint = rule.endpoint
        blueprint = endpoint.rsplit(".", 1)[0] if "." in endpoint else None
        view = app.view_functions.get(endpoint)
        where = None
        code = getattr(view, "__code__", None)
        if code is not None:
            where = recorder.user_frame([(code.co_filename, code.co_firstlineno)])
        rules.append({"rule": rule.rule, "endpoint": endpoint, "methods": methods, "blueprint": blueprint, "where": where,
                      "has_view": view is not None})
    registered = {}
    for registration in recorder.registrations:
        registered.setdefault(registration["blueprint"], registration)
    blueprints = []
    for name, blueprint in app.blueprints.items():
        registration = registered.get(name.rsplit(".", 1)[-1]) or registered.get(name) or {}
        blueprints.append({
            "name": name,
            "import_name": blueprint.import_name,
            "url_prefix": registration.get("url_prefix", blueprint.url_prefix),
            "where": registration.get("where"),
        })
    return {
        "name": app.name,
        "import_name": app.import_name,
        "root_path": app.root_path,
        "static_folder": app.static_folder,
        "static_url_path": app.static_url_path,
        "template_folder": app.template_folder,
        "debug": bool(app.debug),
        "rules": rules,
        "blueprints": blueprints,
    }


def _module_facts(directory):
    """Local modules the import reached (their files), and the third-party top-level names it loaded."""
    real = _realpath(directory)
    local, third_party = set(), set()
    stdlib = set(getattr(sys, "stdlib_module_names", ()))
    for name, module in list(sys.modules.items()):
        top = name.split(".")[0]
        filename = getattr(module, "__file__", None)
        if filename and _realpath(filename).startswith(real + _SEP):
            local.add(_relpath(_realpath(filename), real).replace(_SEP, "/"))
        elif top not in stdlib and top not in sys.builtin_module_names and not top.startswith("_") and filename:
            third_party.add(top)
    return sorted(local), sorted(third_party)


def import_facts(request, recorder):
    directory = request["directory"]
    entrypoint = request.get("entrypoint") or "app"
    module_name, _, object_name = entrypoint.partition(":")
    facts = {"kind": "import", "module": module_name, "object": object_name or None, "outcome": None,
             "patched": recorder.install(), "resolved": None, "candidates": [], "app": None}
    try:
        module = _import_entry_module(directory, module_name)
    except SystemExit as error:
        facts["outcome"] = "exit"
        facts["exit_code"] = error.code if isinstance(error.code, int) else (0 if error.code is None else 1)
        facts["where"] = recorder.user_frame(_traceback_frames(error))
        return facts
    except BaseException as error:
        facts["outcome"] = "error"
        facts["error"] = {"type": type(error).__name__, "message": _text(error),
                          "missing_module": getattr(error, "name", None) if isinstance(error, ImportError) else None}
        facts["where"] = recorder.user_frame(_traceback_frames(error))
        if isinstance(error, SyntaxError) and error.filename:
            facts["where"] = recorder.user_frame([(error.filename, error.lineno or 1)]) or facts["where"]
        return facts
    finally:
        facts["runs"] = recorder.runs

    facts["outcome"] = "imported"
    facts["candidates"] = _candidates(module)
    names = [object_name] if object_name else ["app", "application", "create_app", "make_app"]
    for name in names:
        if not hasattr(module, name):
            continue
        value = getattr(module, name)
        shape = _wsgi_shape(value)
        resolved = {"name": name, "shape": shape, "called": False}
        if shape == "factory" and not object_name:
            try:
                value = value()
                resolved["called"] = True
                shape = _wsgi_shape(value)
                resolved["result_shape"] = shape
            except BaseException as error:
                resolved["call_error"] = {"type": type(error).__name__, "message": _text(error),
                                          "where": recorder.user_frame(_traceback_frames(error))}
        facts["resolved"] = resolved
        if _is_flask_app(value):
            facts["app"] = _app_facts(value, recorder)
        break
    facts["unregistered_blueprints"] = [
        {"name": bp["name"], "where": bp["where"]}
        for key, bp in recorder.blueprints.items()
        if not any(r["id"] == key for r in recorder.registrations)
    ]
    return facts


def environment_facts():
    # As the process's environment says, also when embedded in a host that never called setlocale.
    try:
        previous = _setlocale(_LC_CTYPE)
        try:
            _setlocale(_LC_CTYPE, "")
            joined = ".".join(item or "" for item in _getlocale())
        finally:
            _setlocale(_LC_CTYPE, previous)
    except Exception:
        joined = "."
    return {
        "python": "%d.%d.%d" % sys.version_info[:3],
        "version": sys.version,
        "executable": sys.executable,
        "prefix": sys.prefix,
        "pip": _pip_version(),
        "locale": "" if joined == "." else joined,
        "stdlib": sorted(getattr(sys, "stdlib_module_names", ())),
    }


def _pip_version():
    """pip's __version__, read from its source: importing pip or importlib.metadata costs a tenth of a second."""
    try:
        spec = _find_spec("pip")
        if spec is None or not spec.origin:
            return None
        with open(spec.origin, encoding="utf-8") as handle:
            match = _re_search(r"""^__version__\s*=\s*["']([^"']+)["']""", handle.read(), _RE_MULTILINE)
        return match.group(1) if match else None
    except Exception:
        return None


def run(request, send, watchdog):
    directory = request["directory"]
    # Environment and static facts first, with the project not yet on sys.path: nothing of it runs for them.
    environment = environment_facts()
    static = [static_facts(_join(directory, rel), rel) for rel in request.get("sources", [])]
    send({"kind": "static", "protocol": PROTOCOL, "environment": environment, "files": static})
    if request.get("static_only"):
        return  # write-manifest: versions, locale and ast facts; the project is never imported
    _os_chdir(directory)
    sys.path.insert(0, directory)
    if watchdog:
        # Only in a process of our own: faulthandler's signal handlers must not replace a host's.
        try:
            faulthandler.enable(file=sys.__stderr__)
            if request.get("timeout"):
                faulthandler.dump_traceback_later(max(request["timeout"] - 1, 0.5), exit=False, file=sys.__stderr__)
        except Exception:
            pass
    recorder = Recorder(directory)
    try:
        facts = import_facts(request, recorder)
    finally:
        recorder.uninstall()
    try:
        local, third_party = _module_facts(directory)
    except BaseException:
        local, third_party = [], []  # sys.modules as user code left it may hold anything
    facts.update(local_modules=local, third_party=third_party)
    send(facts)


def main():
    """The process host: answers on the original stdout, user output on stderr, then a hard exit."""
    try:
        # A session of our own: the caller ends every process user code starts (even one that outlives us) at once.
        os.setsid()
    except OSError:
        pass
    answer_fd = _os_dup(1)
    _os_dup2(2, 1)
    sys.stdout = sys.stderr
    run(_loads(sys.argv[1]), _fd_sender(answer_fd), watchdog=True)


def run_embedded(request_json, answer_path):
    """The embedded host: same facts, written to a file; the host process's state is put back after."""
    request = _loads(request_json)
    directory = _realpath(request["directory"])
    saved_cwd, saved_path, saved_stdout = os.getcwd(), list(sys.path), sys.stdout
    saved_modules = set(sys.modules)
    saved_fd = os.dup(1)
    lines = []
    try:
        sys.stdout.flush()
        os.dup2(2, 1)
        sys.stdout = sys.stderr
        run(request, lambda message: lines.append(_encode(message)), watchdog=False)
    finally:
        sys.stdout.flush()
        os.dup2(saved_fd, 1)
        os.close(saved_fd)
        sys.stdout = saved_stdout
        os.chdir(saved_cwd)
        sys.path[:] = saved_path
        # The deployment's own modules go, so that another deployment's "app" is imported afresh.
        for name in set(sys.modules) - saved_modules:
            filename = getattr(sys.modules.get(name), "__file__", None) or ""
            if _realpath(filename).startswith(directory + _SEP):
                del sys.modules[name]
        with open(answer_path, "w", encoding="utf-8") as handle:
            handle.write("".join(lines))


if __name__ == "__main__":
    _exit = os._exit
    main()
    try:
        sys.stderr.flush()
    except BaseException:
        pass
    # Non-daemon threads started by user code must not keep us alive: the answer is complete.
    _exit(0)
