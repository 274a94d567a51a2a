# connect_lint_bridge.flask_facts: what an imported object is (a Flask app, a factory, something else) and, for a
# Flask app, its URL rules and blueprints.
import ast
import inspect
import os

from connect_lint_bridge.safe import SEP, read_regular_file, realpath

_ast_parse, _ast_walk, _Constant = ast.parse, ast.walk, ast.Constant
_environ = os.environ
_signature, _isfunction, _isclass = inspect.signature, inspect.isfunction, inspect.isclass


def is_flask_app(value):
    try:
        import flask
        return isinstance(value, flask.Flask)
    except Exception:
        return False


def wsgi_shape(value):
    """'app' for a WSGI application, 'factory' for a no-argument callable, 'factory-needs-args', or 'other'."""
    if is_flask_app(value):
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


def candidates(module):
    found = []
    for name, value in sorted(vars(module).items()):
        if name.startswith("_"):
            continue
        if is_flask_app(value):
            found.append({"name": name, "kind": "app"})
        elif name in ("create_app", "make_app") and callable(value):
            found.append({"name": name, "kind": "factory"})
    return found


def app_facts(app, recorder):
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


def secret_key_facts(app, local_files, directory):
    """Where the SECRET_KEY the app ended up with came from: a string literal in the deployment's code (and where),
    the environment, something else (computed, read from a file), or unset. The value itself is never sent."""
    try:
        value = app.config.get("SECRET_KEY")
    except Exception:
        return {"source": "other", "where": None}
    if value is None:
        return {"source": "unset", "where": None}
    if isinstance(value, bytes):
        try:
            value = bytes.decode(value, "utf-8")
        except Exception:
            return {"source": "other", "where": None}
    if not isinstance(value, str):
        return {"source": "other", "where": None}
    value = str.__add__("", value)  # a plain str: a subclass's own __eq__ or __str__ never runs
    if not value:
        return {"source": "unset", "where": None}
    needle = value.encode("utf-8", "surrogateescape")
    try:
        if any(value == variable for variable in list(_environ.values())):
            return {"source": "environment", "where": None}
    except Exception:
        pass
    for relative in local_files:
        if not relative.endswith(".py"):
            continue
        try:
            source = read_regular_file(realpath(directory) + SEP + relative.replace("/", SEP))
            # Only a file that holds the value's text can hold it as a literal: the rest are never parsed.
            tree = _ast_parse(source) if source is not None and needle in source else None
        except Exception:
            continue
        for node in _ast_walk(tree) if tree is not None else ():
            if isinstance(node, _Constant) and isinstance(node.value, str) and node.value == value:
                return {"source": "literal", "where": {
                    "file": relative, "line": node.lineno, "column": node.col_offset + 1,
                    "end_line": getattr(node, "end_lineno", None) or node.lineno,
                    "end_column": (getattr(node, "end_col_offset", None) or node.col_offset) + 1}}
    return {"source": "other", "where": None}
