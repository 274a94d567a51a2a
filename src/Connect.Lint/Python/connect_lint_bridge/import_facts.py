# connect_lint_bridge.import_facts: imports the entrypoint the way Connect does and says what happened: the
# outcome, the object the entrypoint resolves to, the Flask app's facts, and the modules the import reached.
import importlib
import importlib.util
import sys

from connect_lint_bridge.flask_facts import app_facts, candidates, is_flask_app, secret_key_facts, wsgi_shape
from connect_lint_bridge.recorder import is_installed_code, traceback_frames
from connect_lint_bridge.safe import SEP, HardExit, isabs, join, realpath, relpath, text

_import_module, _spec_from_file_location, _module_from_spec = (
    importlib.import_module, importlib.util.spec_from_file_location, importlib.util.module_from_spec)


def _import_entry_module(directory, module_name):
    if all(part.isidentifier() for part in module_name.split(".")):
        return _import_module(module_name)
    # A file name that is not an identifier (my-app.py): import it by path, as Connect can.
    path = join(directory, *module_name.split(".")) + ".py"
    spec = _spec_from_file_location(module_name.replace("-", "_"), path)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError("No module named %r" % module_name, name=module_name)
    module = _module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _name_of(error):
    try:
        name = getattr(error, "name", None)
    except Exception:
        return None  # a user's ImportError subclass may make even this raise
    return str.__add__("", name) if isinstance(name, str) else None


def _installed_package(frames, directory):
    """The top-level package (in site-packages or dist-packages) whose code raised: the innermost frame outside the
    deployment that belongs to an installed distribution, or None when the error came from the project or the stdlib."""
    try:
        local = realpath(directory) + SEP
        sites = [realpath(entry) + SEP for entry in list(sys.path)
                 if type(entry) is str and ("site-packages" in entry or "dist-packages" in entry)]
        for filename, _ in reversed(frames):
            real = realpath(filename) if type(filename) is str and not filename.startswith("<") else ""
            if not real or (real.startswith(local) and not is_installed_code(real)):
                continue
            for site in sites:
                if real.startswith(site):
                    top = real[len(site):].split(SEP)[0]
                    return top[:-3] if top.endswith(".py") else top
    except Exception:
        pass  # sys.path as user code left it may hold anything
    return None


def module_facts(directory):
    """Local modules the import reached (their files), and the third-party top-level names it loaded."""
    real = realpath(directory)
    local, third_party = set(), set()
    stdlib = set(getattr(sys, "stdlib_module_names", ()))
    for name, module in list(sys.modules.items()):
        top = name.split(".")[0]
        filename = getattr(module, "__file__", None)
        if type(filename) is not str or not isabs(filename):
            filename = None  # no file, or a made-up one ("unknown", as pythonnet's clr module says in the embedded host)
        if filename and realpath(filename).startswith(real + SEP) and not is_installed_code(realpath(filename)):
            local.add(relpath(realpath(filename), real).replace(SEP, "/"))
        elif top not in stdlib and top not in sys.builtin_module_names and not top.startswith("_") and filename:
            third_party.add(top)
    return sorted(local), sorted(third_party)


def import_facts(request, recorder, found_app=None):
    """The import's facts; the Flask app it resolved to is appended to found_app (a list) when one is given."""
    directory = request["directory"]
    entrypoint = request.get("entrypoint") or "app"
    module_name, _, object_name = entrypoint.partition(":")
    facts = {"kind": "import", "module": module_name, "object": object_name or None, "outcome": None,
             "patched": recorder.install(), "resolved": None, "candidates": [], "app": None}
    try:
        module = _import_entry_module(directory, module_name)
    except SystemExit as error:
        facts["outcome"] = "exit"
        facts["exit_code"] = int(error.code) if isinstance(error.code, int) else (0 if error.code is None else 1)
        facts["where"] = recorder.user_frame(traceback_frames(error))
        return facts
    except HardExit:
        raise
    except BaseException as error:
        facts["outcome"] = "error"
        facts["error"] = {"type": type(error).__name__, "message": text(error),
                          # A module that is not there at all; "cannot import name X from Y" names a module that is there.
                          "missing_module": _name_of(error) if isinstance(error, ModuleNotFoundError) else None,
                          "from_module": _name_of(error) if isinstance(error, ImportError) and not isinstance(error, ModuleNotFoundError) else None,
                          "raised_in": _installed_package(traceback_frames(error), directory)}
        facts["where"] = recorder.user_frame(traceback_frames(error))
        if isinstance(error, SyntaxError) and error.filename:
            facts["where"] = recorder.user_frame([(error.filename, error.lineno or 1)]) or facts["where"]
        return facts
    finally:
        facts["runs"] = recorder.runs

    facts["outcome"] = "imported"
    facts["candidates"] = candidates(module)
    names = [object_name] if object_name else ["app", "application", "create_app", "make_app"]
    for name in names:
        if not hasattr(module, name):
            continue
        value = getattr(module, name)
        shape = wsgi_shape(value)
        resolved = {"name": name, "shape": shape, "called": False}
        if shape == "factory" and not object_name:
            try:
                value = value()
                resolved["called"] = True
                shape = wsgi_shape(value)
                resolved["result_shape"] = shape
            except HardExit:
                raise
            except BaseException as error:
                resolved["call_error"] = {"type": type(error).__name__, "message": text(error),
                                          "where": recorder.user_frame(traceback_frames(error))}
        facts["resolved"] = resolved
        if is_flask_app(value):
            if found_app is not None:
                found_app.append(value)
            facts["app"] = app_facts(value, recorder)
            try:
                local, _ = module_facts(directory)
                facts["app"]["secret_key"] = secret_key_facts(value, local, directory)
            except BaseException:
                facts["app"]["secret_key"] = {"source": "other", "where": None}
        break
    facts["unregistered_blueprints"] = [
        {"name": bp["name"], "where": bp["where"]}
        for key, bp in recorder.blueprints.items()
        if not any(r["id"] == key for r in recorder.registrations)
    ]
    return facts
