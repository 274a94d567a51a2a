# connect-lint's Python bridge: runs inside the project's own interpreter and answers with facts.
#
# Protocol (version 1): argv[1] is a JSON request {"directory", "entrypoint", "sources", "timeout"}.
# Answers are JSON lines written to the process's original stdout: first {"kind": "static", ...}
# (from `ast`, no user code run), then {"kind": "import", ...} after importing the entrypoint the
# way Connect does. While user code runs, fd 1 points at stderr, so nothing it prints can corrupt the
# answer. A hard exit or a hang after the static line still leaves the static facts with the caller.
import ast
import json
import os
import sys

PROTOCOL = 1
sys.dont_write_bytecode = True  # never leave __pycache__ behind in the user's project


def _encode(message):
    return json.dumps(message, default=str) + "\n"


def _fd_sender(answer_fd):
    def send(message):
        view = memoryview(_encode(message).encode("utf-8"))
        while view:
            written = os.write(answer_fd, view)
            view = view[written:]
    return send


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
        return ast.literal_eval(node)
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
        with open(path, "rb") as handle:
            tree = ast.parse(handle.read(), filename=path)
    except SyntaxError as error:
        facts["syntax_error"] = {"message": error.msg, "line": error.lineno or 1, "column": error.offset or 1}
        return facts
    except (OSError, ValueError) as error:
        facts["syntax_error"] = {"message": str(error), "line": 1, "column": 1}
        return facts

    guarded = set()
    optional = set()  # imports that may fail on purpose: in a try body, or under TYPE_CHECKING
    for node in ast.walk(tree):
        if _is_main_guard(node):
            for child in ast.walk(node):
                guarded.add(id(child))
        elif isinstance(node, ast.Try):
            for statement in node.body:
                for child in ast.walk(statement):
                    optional.add(id(child))
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test):
            for statement in node.body:
                for child in ast.walk(statement):
                    optional.add(id(child))
    top_level = set()
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        for child in ast.walk(statement):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            top_level.add(id(child))

    for node in ast.walk(tree):
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
        self.directory = os.path.realpath(directory)
        self.runs = []
        self.registrations = []
        self.blueprints = {}
        self.originals = []

    def user_frame(self, frames):
        """The innermost frame in the deployment's own code, as {"file": relative path, "line": n}."""
        chosen = None
        for filename, line in frames:
            real = os.path.realpath(filename) if filename and not filename.startswith("<") else ""
            if real.startswith(self.directory + os.sep):
                chosen = {"file": os.path.relpath(real, self.directory).replace(os.sep, "/"), "line": line or 1}
        return chosen

    def caller(self):
        frame = sys._getframe(2)
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
    import importlib
    import importlib.util

    if all(part.isidentifier() for part in module_name.split(".")):
        return importlib.import_module(module_name)
    # A file name that is not an identifier (my-app.py): import it by path, as Connect can.
    path = os.path.join(directory, *module_name.split(".")) + ".py"
    spec = importlib.util.spec_from_file_location(module_name.replace("-", "_"), path)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError("No module named %r" % module_name, name=module_name)
    module = importlib.util.module_from_spec(spec)
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
    import inspect

    if _is_flask_app(value):
        return "app"
    if not callable(value):
        return "other"
    target = value if inspect.isfunction(value) or inspect.isclass(value) else getattr(value, "__call__", value)
    try:
        signature = inspect.signature(target)
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
    if inspect.isfunction(value) and no_args:
        return "factory"
    if two_args and not inspect.isclass(value):
        return "app"
    return "factory-needs-args" if inspect.isfunction(value) else "other"


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
    real = os.path.realpath(directory)
    local, third_party = set(), set()
    stdlib = set(getattr(sys, "stdlib_module_names", ()))
    for name, module in list(sys.modules.items()):
        top = name.split(".")[0]
        filename = getattr(module, "__file__", None)
        if filename and os.path.realpath(filename).startswith(real + os.sep):
            local.add(os.path.relpath(os.path.realpath(filename), real).replace(os.sep, "/"))
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
        facts["error"] = {"type": type(error).__name__, "message": str(error),
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
                resolved["call_error"] = {"type": type(error).__name__, "message": str(error),
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
    import locale

    # As the process's environment says, also when embedded in a host that never called setlocale.
    try:
        previous = locale.setlocale(locale.LC_CTYPE)
        try:
            locale.setlocale(locale.LC_CTYPE, "")
            joined = ".".join(item or "" for item in locale.getlocale())
        finally:
            locale.setlocale(locale.LC_CTYPE, previous)
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
    import importlib.util
    import re

    try:
        spec = importlib.util.find_spec("pip")
        if spec is None or not spec.origin:
            return None
        with open(spec.origin, encoding="utf-8") as handle:
            match = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", handle.read(), re.MULTILINE)
        return match.group(1) if match else None
    except Exception:
        return None


def run(request, send, watchdog):
    directory = request["directory"]
    os.chdir(directory)
    sys.path.insert(0, directory)
    static = [static_facts(os.path.join(directory, rel), rel) for rel in request.get("sources", [])]
    send({"kind": "static", "protocol": PROTOCOL, "environment": environment_facts(), "files": static})
    if request.get("environment_only"):
        return  # write-manifest wants the versions and the locale, and must not import the app
    if watchdog:
        # Only in a process of our own: faulthandler's signal handlers must not replace a host's.
        try:
            import faulthandler
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
    local, third_party = _module_facts(directory)
    facts.update(local_modules=local, third_party=third_party)
    send(facts)


def main():
    """The process host: answers on the original stdout, user output on stderr, then a hard exit."""
    answer_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    run(json.loads(sys.argv[1]), _fd_sender(answer_fd), watchdog=True)


def run_embedded(request_json, answer_path):
    """The embedded host: same facts, written to a file; the host process's state is put back after."""
    request = json.loads(request_json)
    directory = os.path.realpath(request["directory"])
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
            if os.path.realpath(filename).startswith(directory + os.sep):
                del sys.modules[name]
        with open(answer_path, "w", encoding="utf-8") as handle:
            handle.write("".join(lines))


if __name__ == "__main__":
    main()
    sys.stderr.flush()
    # Non-daemon threads started by user code must not keep us alive: the answer is complete.
    os._exit(0)
